// Reads and writes of clinic settings, staff and this device's label, through the store.
import { settings, write, table, randomId } from '../store';
import type { Result } from '../result';
import {
  defaultClinic,
  defaultDevice,
  defaultImportPolicy,
  type Clinic,
  type DeviceSettings,
  type ImportPolicy,
  type Staff
} from './model';

export const settingsRepo = {
  clinic: async (): Promise<Clinic> => ({
    ...defaultClinic,
    ...(await settings.get('clinic', defaultClinic))
  }),
  saveClinic: (clinic: Clinic) => settings.put('clinic', clinic),
  staff: () => settings.get<Staff[]>('staff', []),
  saveStaff: (staff: Staff[]) => settings.put('staff', staff),
  device: async (): Promise<DeviceSettings> => ({
    ...defaultDevice,
    ...(await settings.get('device', defaultDevice))
  }),
  saveDevice: (device: DeviceSettings) => settings.put('device', device),
  /** What this device accepts from files: plain (unsealed) bundles only when the user allowed them here. */
  importPolicy: async (): Promise<ImportPolicy> => ({
    ...defaultImportPolicy,
    ...(await settings.get('importPolicy', defaultImportPolicy))
  }),
  saveImportPolicy: (policy: ImportPolicy) => settings.put('importPolicy', policy),
  /** Whether the minimum to work is set: clinic name, one staff member, a device label. */
  async isSetUp(): Promise<boolean> {
    const [clinic, staff, device] = await Promise.all([
      settingsRepo.clinic(),
      settingsRepo.staff(),
      settingsRepo.device()
    ]);
    return Boolean(clinic.name && staff.length > 0 && device.label);
  },
  /**
   * Write all three at once (first-run setup). The clinic and device ids are kept as stored (a form never
   * changes them) and made when missing.
   */
  saveAll(
    clinic: Omit<Clinic, 'clinicId'> & { clinicId?: string },
    staff: Staff[],
    device: Omit<DeviceSettings, 'deviceId'> & { deviceId?: string },
    newId: () => string = randomId
  ): Promise<Result<void>> {
    return write(async () => {
      const [storedClinic, storedDevice] = await Promise.all([settingsRepo.clinic(), settingsRepo.device()]);
      await table('settings').bulkPut([
        {
          key: 'clinic',
          value: { ...clinic, clinicId: clinic.clinicId || storedClinic.clinicId || newId() }
        },
        { key: 'staff', value: staff },
        { key: 'device', value: { ...device, deviceId: device.deviceId || storedDevice.deviceId || newId() } }
      ]);
    });
  },

  /** Give this device, and the clinic it is set up for, their ids if they have none yet (devices set up before ids existed). */
  async ensureIdentity(newId: () => string = randomId): Promise<Result<void>> {
    return write(async () => {
      const [clinic, device] = await Promise.all([settingsRepo.clinic(), settingsRepo.device()]);
      if (!device.deviceId)
        await table('settings').put({ key: 'device', value: { ...device, deviceId: newId() } });
      if (!clinic.clinicId)
        await table('settings').put({ key: 'clinic', value: { ...clinic, clinicId: newId() } });
    });
  }
};
