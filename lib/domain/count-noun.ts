/** "1 assignment", "17 assignments", "1,200 people" (with `plural`). */
export function countNoun(count: number, singular: string, plural = `${singular}s`): string {
  return `${count.toLocaleString("en")} ${count === 1 ? singular : plural}`;
}
