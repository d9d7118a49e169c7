/**
 * Russian non-working days pre-filled into the working calendar (editable in the settings).
 * 2025: Government decree No. 1335 of 04.10.2024; 2026: the decree signed 24.09.2025.
 * 2027: statutory holidays (Labour Code art. 112) with its automatic shift of a holiday falling on
 * a weekend; the decree's transfers for 2027 were not final when this list was written, so a lead
 * should check them.
 */
export const RUSSIAN_HOLIDAYS_2025_2027: readonly string[] = [
  // 2025
  '2025-01-01', '2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08',
  '2025-02-23', '2025-03-08', '2025-05-01', '2025-05-02', '2025-05-08', '2025-05-09',
  '2025-06-12', '2025-06-13', '2025-11-03', '2025-11-04', '2025-12-31',
  // 2026
  '2026-01-01', '2026-01-02', '2026-01-05', '2026-01-06', '2026-01-07', '2026-01-08',
  '2026-01-09', '2026-02-23', '2026-03-09', '2026-05-01', '2026-05-11', '2026-06-12',
  '2026-11-04', '2026-12-31',
  // 2027 (provisional)
  '2027-01-01', '2027-01-04', '2027-01-05', '2027-01-06', '2027-01-07', '2027-01-08',
  '2027-02-23', '2027-03-08', '2027-05-03', '2027-05-10', '2027-06-14', '2027-11-04',
];

/** Saturdays the decrees made working days. */
export const RUSSIAN_WORKING_WEEKENDS_2025_2027: readonly string[] = ['2025-11-01'];
