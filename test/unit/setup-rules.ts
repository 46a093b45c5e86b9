/**
 * The detectors read their site rules from lib/detect/ruleset.ts, which a content script fills with what the
 * background sends for its host. Unit tests read every host's pages: every host's rules, before each test file.
 */
import { rulesetFor } from '@/lib/detect/rules';
import { useRuleset } from '@/lib/detect/ruleset';
import { MISTRAL_HOSTS } from '@/lib/hosts';

useRuleset(rulesetFor(MISTRAL_HOSTS));
