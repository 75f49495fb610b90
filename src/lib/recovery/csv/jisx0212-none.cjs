// Stand-in for encoding-japanese's JIS X 0212 (補助漢字) table: that set exists only in EUC-JP and
// ISO-2022-JP-1, which tebikae never reads or writes (rosters and CSVs are UTF-8 or CP932, and CP932 has
// no JIS X 0212). Leaving the 98 KB table out keeps the precache under 4 MB (vite.config.ts aliases it).
module.exports = {};
