import { describe, expect, it } from 'vitest';
import { printFileName } from '../../paper/file-name';
import { loadFontBytesNode } from '../../paper/font-node';
import { buildChecklist } from '../checklist/checklist';
import { incidentFile, incidentPdf } from './incident-pdf';
import { buildIncidentReport } from './report';
import { sampleData, sampleEvent, sampleSession } from '../sample';

const clinic = {
  name: 'てびかえ内科クリニック',
  address: '東京都千代田区1-2-3',
  phone: '03-1234-5678',
  medicalInstitutionCode: ''
};

describe('incident report PDF', () => {
  it('draws the report and its timeline with the paper engine', async () => {
    const font = await loadFontBytesNode();
    const data = sampleData(5);
    for (let i = 0; i < 60; i++)
      data.events.push(sampleEvent('note', `2025-11-15T02:${String(i).padStart(2, '0')}:00.000Z`));
    const report = buildIncidentReport(data, buildChecklist(data), new Date('2025-11-16T00:00:00.000Z'));
    const pdf = incidentPdf(report, clinic, font);
    expect(new TextDecoder().decode(pdf.bytes.slice(0, 5))).toBe('%PDF-');
    expect(pdf.pageCount).toBeGreaterThanOrEqual(2);
    expect(pdf.missingChars).toEqual([]);
    expect(printFileName(incidentFile(report))).toBe('2025-11-15_障害対応報告.pdf');
  });

  it('marks a drill', async () => {
    const font = await loadFontBytesNode();
    const data = sampleData(1, sampleSession({ kind: 'drill' }));
    const report = buildIncidentReport(data, buildChecklist(data), new Date('2025-11-16T00:00:00.000Z'));
    expect(printFileName(incidentFile(report))).toBe('2025-11-15_訓練_障害対応報告.pdf');
    expect(incidentPdf(report, clinic, font).pageCount).toBe(1);
  });
});
