using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace CaseCompliance.Analyzers.RulesFile
{
    /// <summary>
    /// The CASE9xx descriptors: mistakes in a rules file, each reported in the file at its line and column. Structural
    /// mistakes are errors (the file does not say what the architect meant); doubts about the code are warnings.
    /// </summary>
    public static class RulesFileRules
    {
        public static readonly DiagnosticDescriptor InvalidJson = Create(RuleIds.RulesFileInvalidJson, DiagnosticSeverity.Error,
            "Rules file is not valid JSON",
            "The rules file is not valid JSON: {0}",
            "The rules file could not be read, so none of its entries apply. The message says what the reader expected and found at this place.");

        public static readonly DiagnosticDescriptor SchemaViolation = Create(RuleIds.RulesFileSchema, DiagnosticSeverity.Error,
            "Rules file does not follow the schema",
            "{0}",
            "A property is unknown, has the wrong type, is missing, or holds a value the schema (casecompliance.schema.json) does not allow. The entry it belongs to does not apply; the rest of the file does.");

        public static readonly DiagnosticDescriptor UnmatchedId = Create(RuleIds.RulesFileUnmatchedId, DiagnosticSeverity.Warning,
            "Symbol ID matches no symbol",
            "'{0}' matches no symbol in this compilation{1}",
            "The documentation comment ID names no symbol of the project or its references: a renamed or moved member would otherwise switch its meaning off without a word.");

        public static readonly DiagnosticDescriptor EmptyExclusion = Create(RuleIds.RulesFileEmptyExclusion, DiagnosticSeverity.Warning,
            "Exclusion excludes nothing",
            "'{0}' excludes nothing from '{1}'{2}",
            "An exclusion must name a symbol that the entry would otherwise reach: the entry's own symbols, or members and types inside them.");

        public static readonly DiagnosticDescriptor UndeclaredName = Create(RuleIds.RulesFileUndeclaredName, DiagnosticSeverity.Warning,
            "Name used but not declared",
            "The {0} '{1}' is neither built in nor declared in a rules file{2}",
            "Purposes, data categories, grounds and roles that are not built in must be declared under \"purposes\", \"categories\", \"grounds\" or \"roles\"; an undeclared name is usually a typo and matches nothing.");

        public static readonly DiagnosticDescriptor ConflictingMeaning = Create(RuleIds.RulesFileConflict, DiagnosticSeverity.Warning,
            "Conflicting meanings for one symbol",
            "'{0}' gets {1} here, but {2} from the entry at {3}; the earlier entry wins",
            "Two entries give one symbol different values of a meaning that has only one value (a data category, its purposes, a ground, the purposes in scope). Files are read in order of their paths, entries in order; the first value stays.");

        public static readonly DiagnosticDescriptor InvalidRuleId = Create(RuleIds.RulesFileInvalidRuleId, DiagnosticSeverity.Error,
            "Custom rule ID outside the reserved range",
            "'{0}' cannot be a custom rule's ID: custom rules take IDs from CASE100 to CASE199{1}",
            "Roslyn accepts only the diagnostic IDs an analyzer declares before it reads any configuration, so CaseCompliance reserves CASE100-CASE199 for custom rules. Built-in IDs and other names cannot be used.");

        public static readonly DiagnosticDescriptor DuplicateRuleId = Create(RuleIds.RulesFileDuplicateRuleId, DiagnosticSeverity.Error,
            "Duplicate rule ID",
            "The rule ID '{0}' is already defined at {1}; this rule does not apply",
            "Each custom rule needs an ID of its own across all rules files of the project.");

        public static readonly DiagnosticDescriptor UnknownKind = Create(RuleIds.RulesFileUnknownKind, DiagnosticSeverity.Error,
            "Unknown rule kind",
            "'{0}' is not a rule kind a custom rule can use{1}",
            "A custom rule is an instance of one of the engine's rule kinds (docs/custom-rules.md).");

        public static readonly DiagnosticDescriptor MissingParameter = Create(RuleIds.RulesFileMissingParameter, DiagnosticSeverity.Error,
            "Missing rule parameter",
            "The {0} rule '{1}' needs '{2}': {3}",
            "Each rule kind has parameters a rule must give; without them the rule cannot decide anything and does not apply.");

        public static readonly DiagnosticDescriptor UnknownPlaceholder = Create(RuleIds.RulesFileUnknownPlaceholder, DiagnosticSeverity.Error,
            "Unknown message placeholder",
            "'{0}' is not a placeholder of the {1} kind; it has {2}",
            "A rule's message may use the named placeholders of its kind, in braces; literal braces are written twice.");

        public static readonly DiagnosticDescriptor UnknownGuideline = Create(RuleIds.RulesFileUnknownGuideline, DiagnosticSeverity.Warning,
            "Unknown guideline",
            "'{0}' is not a guideline of the catalog, nor declared under \"guidelines\"{1}",
            "A rule cites guidelines by ID: one of the built-in catalog (shared/GUIDELINES.md) or one the rules file declares with its quote.");

        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            InvalidJson, SchemaViolation, UnmatchedId, EmptyExclusion, UndeclaredName, ConflictingMeaning,
            InvalidRuleId, DuplicateRuleId, UnknownKind, MissingParameter, UnknownPlaceholder, UnknownGuideline);

        private static DiagnosticDescriptor Create(string id, DiagnosticSeverity severity, string title, string message, string description)
            => CaseRules.Create(id, title, message, description, severity, CaseRules.HelpLinkBase + id + ".md", ImmutableArray<string>.Empty, ImmutableArray.Create("rules-file"));
    }
}
