/** A measure's chart from its rows, through the pure chart engine (see src/db/boardData.ts). */
export { chartOfData as chartOf } from '../../../db/boardData.ts';
