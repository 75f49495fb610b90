// The workspace every screen works in: clinic, this device, who is at it, the clinic outage it works in now.
import { createContext } from 'svelte';
import { live, randomId, type WriteContext } from '../store';
import { settingsRepo } from '../settings/repo';
import { outageRepo, type Joiner } from './repo';
import {
  defaultClinic,
  defaultDevice,
  type Clinic,
  type DeviceSettings,
  type Staff
} from '../settings/model';
import { phaseOf, type CurrentOutage } from './model';

export class Workspace {
  #clinic = live(() => settingsRepo.clinic());
  #staff = live(() => settingsRepo.staff());
  #device = live(() => settingsRepo.device());
  // The device's identity is read inside the query, so a changed label or id re-reads the current outage.
  #outage = live(async () => {
    const device = await settingsRepo.device();
    return outageRepo.current({ deviceId: device.deviceId, label: device.label });
  });

  /**
   * Whether all four values have been read. Read inside an effect for the page's whole life (the app
   * shell does), it also keeps them current: a live value is only updated while something watches
   * it, and handlers — a print, a save — read the clinic or the staff when no screen shows them.
   */
  get loaded(): boolean {
    return this.#clinic.loaded && this.#staff.loaded && this.#device.loaded && this.#outage.loaded;
  }
  get clinic(): Clinic {
    return this.#clinic.current ?? defaultClinic;
  }
  get staff(): Staff[] {
    return this.#staff.current ?? [];
  }
  get device(): DeviceSettings {
    return this.#device.current ?? defaultDevice;
  }
  get currentStaff(): Staff | null {
    return this.staff.find((s) => s.id === this.device.currentStaffId) ?? null;
  }
  /** The clinic outage this device works in now (every device's sessions of it), or null. */
  get outage(): CurrentOutage | null {
    return this.#outage.current ?? null;
  }
  get phase() {
    return phaseOf(this.outage);
  }
  /** Who declares or joins an outage from this device. */
  get joiner(): Joiner {
    return { clinicId: this.clinic.clinicId, deviceId: this.device.deviceId, label: this.device.label };
  }
  get isSetUp(): boolean {
    return Boolean(this.clinic.name && this.staff.length > 0 && this.device.label);
  }

  /** What every write needs: who, on which device, now, and an id maker. */
  writeContext(now = new Date()): WriteContext {
    const staff = this.currentStaff;
    return {
      actor: {
        staffId: staff?.id ?? '',
        staffName: staff?.name ?? '',
        deviceLabel: this.device.label
      },
      now,
      newId: randomId
    };
  }
}

export const [getWorkspace, setWorkspace] = createContext<Workspace>();
