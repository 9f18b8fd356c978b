/**
 * Who may speak for whom: a small, generic set of role -> office rules, so a denial by
 * "a State Department spokesperson" counts as a denial by the Secretary of State. Rules name
 * roles and kinds of offices, never people.
 */
interface OfficeRule {
  /** Matches a role held by the claimed speaker. */
  role: RegExp;
  /** Matches a denier that speaks for that role. */
  office: RegExp;
}

const RULES: OfficeRule[] = [
  { role: /\bsecretary of state\b/i, office: /\b(state department|department of state)\b/i },
  {
    role: /\b(defen[cs]e secretary|secretary of defen[cs]e)\b/i,
    office: /\b(pentagon|defen[cs]e department|department of defen[cs]e)\b/i,
  },
  {
    role: /\bsecretary of ([a-z ]+)|\b([a-z]+) secretary\b/i,
    office: /\b(department|ministry) of\b|\b[a-z]+ (department|ministry)\b/i,
  },
  { role: /\b([a-z]+ )?minister\b/i, office: /\bministry\b|\bminister'?s office\b|\bgovernment spokes/i },
  { role: /\bprime minister\b/i, office: /\b(downing street|prime minister'?s office|cabinet office)\b/i },
  {
    role: /\bpresident\b/i,
    office:
      /\b(white house|presidential (office|administration|press service|palace|spokes\w+)|president'?s office|kremlin|elys[eé]e)\b/i,
  },
  {
    role: /\b(senator|sen\.|congress(wo)?man|representative|rep\.)/i,
    office: /\b(his|her|the senator'?s|the congress\w*'?s) office\b/i,
  },
  { role: /\bchancellor\b/i, office: /\b(chancellery|chancellor'?s office|government spokes\w+)\b/i },
  { role: /\bgovernor\b/i, office: /\bgovernor'?s office\b/i },
  { role: /\bmayor\b/i, office: /\b(mayor'?s office|city hall)\b/i },
];

/** Words that mark a speaker as someone speaking on another's behalf. */
const SPOKES = /\b(spokes(person|man|woman)|press secretary|office|aide|representative|statement|department|ministry)\b/i;

/**
 * True when `denier` (its name or role text) speaks for someone holding `role`: the office
 * rules above, in the same sentence as "spokesperson", "office" or a department.
 */
export function speaksForRole(denier: string, role: string): boolean {
  if (!SPOKES.test(denier)) return false;
  for (const r of RULES) {
    if (!r.role.test(role) || !r.office.test(denier)) continue;
    // "secretary of X" -> "department of X": the department's subject must match the role's.
    const sub = /secretary of ([a-z]+)|([a-z]+) secretary/i.exec(role);
    if (r === RULES[2] && sub) {
      const topic = (sub[1] ?? sub[2] ?? '').toLowerCase();
      if (!denier.toLowerCase().includes(topic)) continue;
    }
    return true;
  }
  return false;
}

/** True when the denier text marks a spokesperson/office for a person named in it ("a spokesperson for Rubio"). */
export function isSpokesperson(denier: string): boolean {
  return SPOKES.test(denier);
}
