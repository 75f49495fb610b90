import { describe, expect, it } from 'vitest';
import { intakeFormFrom, readIntakeForm, readTemperature } from './intake-form';
import { emptyIntakeFields } from './model';

describe('readTemperature', () => {
  it('reads temperatures as typed at the desk', () => {
    expect(readTemperature('36.8')).toEqual({ ok: true, value: '36.8' });
    expect(readTemperature('３６．８℃')).toEqual({ ok: true, value: '36.8' });
    expect(readTemperature('37')).toEqual({ ok: true, value: '37.0' });
    expect(readTemperature(' ')).toEqual({ ok: true, value: '' });
  });
  it('refuses what is not a body temperature', () => {
    expect(!readTemperature('368').ok && readTemperature('368')).toMatchObject({
      error: { key: 'reception.error.temperature' }
    });
    expect(readTemperature('熱っぽい')).toMatchObject({ ok: false, error: { field: 'temperature' } });
    expect(readTemperature('45.0')).toMatchObject({
      ok: false,
      error: { key: 'reception.error.temperatureRange' }
    });
    expect(readTemperature('33.9')).toMatchObject({ ok: false });
  });
});

describe('readIntakeForm', () => {
  it('needs the symptoms and keeps the rest trimmed', () => {
    const r = readIntakeForm(emptyIntakeFields);
    expect(!r.ok && r.error.symptoms?.key).toBe('reception.error.symptomsRequired');
    const ok = readIntakeForm({
      ...emptyIntakeFields,
      symptoms: ' 咳 ',
      temperature: '37.2',
      pregnancy: 'no',
      allergies: ' 卵 '
    });
    expect(ok).toEqual({
      ok: true,
      value: { ...emptyIntakeFields, symptoms: '咳', temperature: '37.2', pregnancy: 'no', allergies: '卵' }
    });
  });
  it('reports an overlong text instead of cutting it', () => {
    const r = readIntakeForm({ ...emptyIntakeFields, symptoms: '咳', message: 'あ'.repeat(2001) });
    expect(!r.ok && r.error.message?.key).toBe('reception.error.tooLong');
  });
  it('starts a form from a stored intake or blank', () => {
    expect(intakeFormFrom(undefined)).toEqual(emptyIntakeFields);
  });
});
