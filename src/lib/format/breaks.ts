/**
 * Where a line may not break although a Chinese character meets a number: the
 * qualifier before it (约0.4%, 不少于13万, 超过39%) and the unit after it
 * (500余套（间）, 4161人, 2022年). A number is read with both.
 */
export const gluesNumber = (before: string, after: string): boolean =>
  (/(约|不少于|超过|近|共|达)$/.test(before) && /^[\d+≈]/.test(after)) ||
  (/[\d%+余多万]$/.test(before) && /^[余多万亿年月日人次家所套间个名项%]/.test(after)) ||
  (/[套间]$/.test(before) && /^（/.test(after));
