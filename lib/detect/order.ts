/**
 * Where labels fail, structure decides (issue 12): the controls of a documented settings page read by their
 * documented order (rules.ts ADMIN_CONTROL_ORDER), called by readControls (controls.ts) for the controls none of
 * whose labels is recognised. Only the Admin Panel's kit carries it (kit-admin.ts).
 */
import { rules } from './ruleset';
import { describe, valueOf, type ControlReading, type OrderReader } from './controls';

const SELECT_KIND = 'select, [role="combobox"]';
/** Form fields no documented privacy page shows: their presence means the page is not the documented one. */
const FOREIGN_FIELDS =
  'input:not([type="checkbox"]):not([type="hidden"]):not([type="submit"]):not([type="button"]), textarea, [role="radio"], [role="slider"], [role="spinbutton"], [role="textbox"], [contenteditable="true"]';

/**
 * The controls read by their documented order. The page's main region (its one `main` / `[role=main]`) must hold
 * exactly the documented controls of the documented kinds in the documented order (a Radix select's hidden native
 * `<select>` next to its combobox counts as the same control), and no other form field, and each control read by its
 * label (`placed`) must be the one at its documented place; otherwise nothing. Controls whose label is on the page
 * (`skip`) are left to the labels.
 * Uses the controls the page index already holds (no new walk of the page, only of its main region's fields).
 */
export const readByOrder: OrderReader = (root, index, order, placed, skip) => {
  const mains = Array.from(root.querySelectorAll('main, [role="main"]'));
  const outer = mains.filter((m) => !mains.some((o) => o !== m && o.contains(m)));
  if (outer.length !== 1) return [];
  const region = outer[0];
  if (region.querySelector(FOREIGN_FIELDS)) return [];
  // Group the region's controls into units (a combobox and its hidden native select are one).
  const units: { kind: 'switch' | 'select'; els: Element[] }[] = [];
  for (const { el } of index.controls) {
    if (!region.contains(el)) continue;
    const kind = el.matches(SELECT_KIND) ? 'select' : 'switch';
    const prev = units[units.length - 1];
    if (
      kind === 'select' &&
      prev?.kind === 'select' &&
      prev.els.length === 1 &&
      prev.els[0].parentElement === el.parentElement &&
      prev.els[0].tagName !== el.tagName &&
      (prev.els[0].tagName === 'SELECT' || el.tagName === 'SELECT')
    ) {
      prev.els.push(el);
      continue;
    }
    units.push({ kind, els: [el] });
  }
  const expected = order.filter((o) => o.kind !== 'status');
  if (
    units.length !== expected.length ||
    units.some((u, i) => u.kind !== (expected[i].kind === 'select' ? 'select' : 'switch'))
  )
    return [];
  // Every control its label found must sit at its documented place: else the page is not in the documented order.
  if (expected.some((o, i) => placed.has(o.control) && !units[i].els.includes(placed.get(o.control)!))) return [];
  const out: ControlReading[] = [];
  expected.forEach((o, i) => {
    if (skip.has(o.control)) return;
    for (const el of units[i].els) {
      const r = valueOf(el, o);
      if (r) {
        out.push({
          control: o.control,
          ...r,
          how: `order ${i + 1}/${expected.length} ${describe(el)}`,
          confidence: rules().orderConfidence,
        });
        return;
      }
    }
  });
  return out;
};
