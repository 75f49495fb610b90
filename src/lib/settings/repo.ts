// Reads and writes of clinic settings, staff and this device's label, through the store.
import { settings, write, table } from '../store';
import type { Result } from '../result';
import { defaultClinic, defaultDevice, type Clinic, type DeviceSettings, type Staff } from './model';

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
  /** Whether the minimum to work is set: clinic name, one staff member, a device label. */
  async isSetUp(): Promise<boolean> {
    const [clinic, staff, device] = await Promise.all([
      settingsRepo.clinic(),
      settingsRepo.staff(),
      settingsRepo.device()
    ]);
    return Boolean(clinic.name && staff.length > 0 && device.label);
  },
  /** Write all three at once (first-run setup). */
  saveAll(clinic: Clinic, staff: Staff[], device: DeviceSettings): Promise<Result<void>> {
    return write(async () => {
      await table('settings').bulkPut([
        { key: 'clinic', value: clinic },
        { key: 'staff', value: staff },
        { key: 'device', value: device }
      ]);
    });
  }
};
