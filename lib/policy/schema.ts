/**
 * The shapes of Windsock's policy knowledge. The knowledge itself is data (knowledge.ts); these zod schemas
 * are what the tests hold it to, so a typo in a source id or a missing quote fails `npm test`, not a user.
 */
import { z } from 'zod';

const SOURCE_IDS = [
  'docs-privacy',
  'help-opt-out',
  'help-zdr',
  'privacy-policy-2025',
  'privacy-policy-2026-summary',
] as const;
export const SourceId = z.enum(SOURCE_IDS);
export type SourceId = z.infer<typeof SourceId>;

export const PLAN_IDS = ['free', 'pro', 'education', 'team', 'enterprise', 'scale'] as const;
export const PlanId = z.enum(PLAN_IDS);
export type PlanId = z.infer<typeof PlanId>;

/** Which flow of data a verdict is about: chats in Vibe, or calls to the API / Studio. */
export const PRODUCTS = ['vibe', 'api'] as const;
export const Product = z.enum(PRODUCTS);
export type Product = z.infer<typeof Product>;

export const CONTROL_IDS = [
  'vibe-training',
  'mobile-data-sharing',
  'api-training',
  'labs-models',
  'zdr',
  'public-sharing',
  'feedback',
  'chat-retention',
  'memories',
] as const;
export const ControlId = z.enum(CONTROL_IDS);
export type ControlId = z.infer<typeof ControlId>;

/** The retention choices the Admin Panel offers (seed 000, "Chat Retention Policy"). */
export const RETENTION_VALUES = ['never', '30d', '60d', '90d', '180d', '1y'] as const;
export const RetentionValue = z.enum(RETENTION_VALUES);
export type RetentionValue = z.infer<typeof RetentionValue>;

/** A switch is on or off; the retention policy is one of its choices. */
export const ControlValue = z.union([z.enum(['on', 'off']), RetentionValue]);
export type ControlValue = z.infer<typeof ControlValue>;

export const Source = z.object({
  id: SourceId,
  /** The file in lib/policy/sources/ (a copy of shared/seeds/) the quotes are taken from. */
  file: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
  title: z.string().min(3),
  publisher: z.string().min(3),
  /** ISO date, or a year when the document carries no exact date. */
  date: z.string().regex(/^\d{4}(-\d{2}-\d{2})?$/),
  kind: z.enum(['docs', 'help-center', 'policy', 'secondary']),
  url: z.url().optional(),
});
export type Source = z.infer<typeof Source>;

export const Citation = z.object({
  source: SourceId,
  section: z.string().min(2),
  /** Verbatim from the source file (white space folded); the tests check it is really there. */
  quote: z.string().min(8).max(400),
});
export type Citation = z.infer<typeof Citation>;

export const Plan = z.object({
  id: PlanId,
  /** Current and older names, as pages and documents print them (matched case-insensitively). */
  names: z.array(z.string().min(2)).min(1),
  products: z.array(Product).min(1),
  paid: z.boolean(),
});
export type Plan = z.infer<typeof Plan>;

export const Control = z.object({
  id: ControlId,
  product: Product,
  kind: z.enum(['switch', 'status', 'select']),
  /** Label text on the page, current and older names, by language and provenance (lib/detect/rules.ts). */
  labels: z.partialRecord(
    z.enum(['en', 'fr', 'de', 'es', 'it', 'pl', 'pt_BR', 'ar']),
    z
      .object({
        docs: z.array(z.string().min(3)).optional(),
        '3rd': z.array(z.string().min(3)).optional(),
        guess: z.array(z.string().min(3)).optional(),
      })
      .strict(),
  ),
  labelsNote: z.string().optional(),
  /** Where the control lives (a page id from lib/surfaces.ts), or null when no web page shows it. */
  page: z.string().nullable(),
  /** The value that protects the user (training off, sharing off…), when that means anything. */
  safeValue: ControlValue.optional(),
  citations: z.array(Citation).min(1),
});
export type Control = z.infer<typeof Control>;

/** What one document says about whether a plan's data trains the models when nobody touched a toggle. */
export const DefaultClaim = z.object({
  product: Product,
  plan: PlanId,
  training: z.enum(['on', 'off']),
  citation: Citation,
});
export type DefaultClaim = z.infer<typeof DefaultClaim>;

export const Fact = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  /** i18n key of the plain-language statement (public/_locales). */
  claimKey: z.string().regex(/^[a-zA-Z0-9_]+$/),
  citations: z.array(Citation).min(1),
});
export type Fact = z.infer<typeof Fact>;

export const RetentionFact = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  product: z.enum(['vibe', 'api', 'account', 'feedback', 'support', 'security']),
  claimKey: z.string().regex(/^[a-zA-Z0-9_]+$/),
  citations: z.array(Citation).min(1),
});
export type RetentionFact = z.infer<typeof RetentionFact>;

export const Knowledge = z.object({
  sources: z.array(Source).min(1),
  plans: z.array(Plan).min(1),
  controls: z.array(Control).min(1),
  defaults: z.array(DefaultClaim).min(1),
  facts: z.array(Fact).min(1),
  retention: z.array(RetentionFact).min(1),
  zdrEndpoints: z.object({
    covered: z.array(z.string().startsWith('/v1/')).min(1),
    notCovered: z.array(z.string()).min(1),
    citations: z.array(Citation).min(1),
  }),
  /** Every citation Windsock shows, by name (CITE in citations.ts): the knowledge's and the rights pages'. */
  citations: z.record(z.string().regex(/^[a-zA-Z0-9]+$/), Citation),
});
export type Knowledge = z.infer<typeof Knowledge>;
