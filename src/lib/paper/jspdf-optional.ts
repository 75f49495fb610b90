// Stand-in for jsPDF's optional helpers (html2canvas, canvg, dompurify): tebikae never renders HTML or SVG into a
// PDF, so these 350 KB stay out of the precache. Vite aliases the three packages here (vite.config.ts).
export default function unavailable(): never {
  throw new Error('jsPDF HTML/SVG rendering is not included in tebikae');
}
