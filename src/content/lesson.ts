/** The lesson's sections in page order: anchors for the table of contents. */
export const SECTIONS = [
  { id: 'why', title: 'Why it matters' },
  { id: 'terms', title: 'Define terms' },
  { id: 'model', title: 'Visual model' },
  { id: 'code', title: 'Code example' },
  { id: 'experiments', title: 'Interactive experiments' },
  { id: 'quiz', title: 'Quick quiz' },
  { id: 'challenge', title: 'Coding challenge' },
  { id: 'lab', title: 'Algorithm lab' },
  { id: 'real-world', title: 'Real-world usage' },
] as const;

export type SectionId = (typeof SECTIONS)[number]['id'];

export function sectionTitle(id: SectionId): string {
  return SECTIONS.find((section) => section.id === id)?.title ?? id;
}
