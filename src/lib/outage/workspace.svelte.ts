// The workspace every screen works in: clinic, this device, who is at it, the current outage session.
import { createContext } from 'svelte';
import { live, randomId, type WriteContext } from '../store';
import { settingsRepo } from '../settings/repo';
import { outageRepo } from './repo';
import {
  defaultClinic,
  defaultDevice,
  type Clinic,
  type DeviceSettings,
  type Staff
} from '../settings/model';
import { phaseOf, type OutageSession } from './model';

export class Workspace {
  #clinic = live(() => settingsRepo.clinic());
  #staff = live(() => settingsRepo.staff());
  #device = live(() => settingsRepo.device());
  #session = live(() => outageRepo.current());

  /**
   * Whether all four values have been read. Read inside an effect for the page's whole life (the app
   * shell does), it also keeps them current: a live value is only updated while something watches
   * it, and handlers — a print, a save — read the clinic or the staff when no screen shows them.
   */
  get loaded(): boolean {
    return this.#clinic.loaded && this.#staff.loaded && this.#device.loaded && this.#session.loaded;
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
  get session(): OutageSession | null {
    return this.#session.current ?? null;
  }
  get phase() {
    return phaseOf(this.session);
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
