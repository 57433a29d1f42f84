using System.Collections.Generic;
using System.Collections.Immutable;
using System.Text;
using Microsoft.CodeAnalysis;
using CaseCompliance.Analyzers.BuiltIn;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.RulesFile;

namespace CaseCompliance.Analyzers
{
    /// <summary>
    /// The descriptor catalog. Every rule's descriptor is made here, by <see cref="Create(string, string, string, string, DiagnosticSeverity, string, ImmutableArray{string}, ImmutableArray{string})"/>,
    /// so that category, severity, help link and tags follow one convention: the built-in rules' from their data
    /// definitions (<c>BuiltIn/builtin.casecompliance.json</c>), the custom rules' from the rules file, the rules-file
    /// errors' from <see cref="RulesFileRules"/>.
    /// </summary>
    public static class CaseRules
    {
        public const string Category = "CaseCompliance";

        /// <summary>Where the rule pages live; each descriptor links to <c>{HelpLinkBase}{ID}.md</c> unless configured otherwise.</summary>
        public const string HelpLinkBase = "https://github.com/casecompliance/casecompliance/blob/main/docs/rules/";

        /// <summary>The custom tag that carries a guideline ID, as <c>guideline:EK-INTEGRITET-1</c>.</summary>
        public const string GuidelineTagPrefix = "guideline:";

        /// <summary>The custom tag that carries the rule's kind, as <c>kind:guardBefore</c>.</summary>
        public const string KindTagPrefix = "kind:";

        /// <summary>The custom tag that carries a custom rule's own name, as <c>name:SJP-TVA-SPECIALISTER</c>.</summary>
        public const string NameTagPrefix = "name:";

        /// <summary>The custom tag of custom rules.</summary>
        public const string CustomTag = "custom";

        // Each built-in descriptor is declared here by its ID constant (so release tracking sees it) and made from its
        // data definition: title, message, description and guidelines live in BuiltIn/builtin.casecompliance.json.
        public static readonly DiagnosticDescriptor UndeclaredPurpose = BuiltIn(RuleIds.UndeclaredPurpose);

        public static readonly DiagnosticDescriptor PurposeMismatch = BuiltIn(RuleIds.PurposeMismatch);

        public static readonly DiagnosticDescriptor UnknownPurpose = BuiltIn(RuleIds.UnknownPurpose);

        public static readonly DiagnosticDescriptor LookupWithoutAudit = BuiltIn(RuleIds.LookupWithoutAudit);

        public static readonly DiagnosticDescriptor AuditOtherSubject = BuiltIn(RuleIds.AuditOtherSubject);

        public static readonly DiagnosticDescriptor AuditFailureSwallowed = BuiltIn(RuleIds.AuditFailureSwallowed);

        public static readonly DiagnosticDescriptor AttestedByPreparer = BuiltIn(RuleIds.AttestedByPreparer);

        public static readonly DiagnosticDescriptor AttestationWithoutCheck = BuiltIn(RuleIds.AttestationWithoutCheck);

        public static readonly DiagnosticDescriptor DisbursementWithoutAttestation = BuiltIn(RuleIds.DisbursementWithoutAttestation);

        public static readonly DiagnosticDescriptor DecisionWithoutConflictCheck = BuiltIn(RuleIds.DecisionWithoutConflictCheck);

        public static readonly DiagnosticDescriptor ProtectedCharacteristicInDecision = BuiltIn(RuleIds.ProtectedCharacteristicInDecision);

        public static readonly DiagnosticDescriptor UnknownGround = BuiltIn(RuleIds.UnknownGround);

        public static readonly DiagnosticDescriptor DecisionWithoutReasoning = BuiltIn(RuleIds.DecisionWithoutReasoning);

        public static readonly DiagnosticDescriptor DisclosedToSink = BuiltIn(RuleIds.DisclosedToSink);

        /// <summary>Every built-in rule's descriptor, in the order of the definitions.</summary>
        public static readonly ImmutableArray<DiagnosticDescriptor> All = ImmutableArray.Create(
            UndeclaredPurpose, PurposeMismatch, UnknownPurpose,
            LookupWithoutAudit, AuditOtherSubject, AuditFailureSwallowed,
            AttestedByPreparer, AttestationWithoutCheck, DisbursementWithoutAttestation, DecisionWithoutConflictCheck,
            ProtectedCharacteristicInDecision, UnknownGround, DecisionWithoutReasoning, DisclosedToSink);

        private static readonly System.Lazy<ImmutableArray<DiagnosticDescriptor>> Placeholders = new System.Lazy<ImmutableArray<DiagnosticDescriptor>>(CreateCustomRange);

        /// <summary>
        /// The placeholders of the custom range CASE100-CASE199 that every host of a kind custom rules may use declares
        /// (Roslyn accepts only declared IDs). A custom rule reports with a descriptor of its own under the same ID.
        /// </summary>
        public static ImmutableArray<DiagnosticDescriptor> CustomRange => Placeholders.Value;

        private static ImmutableArray<DiagnosticDescriptor> CreateCustomRange()
        {
            var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>(RuleIds.CustomLast - RuleIds.CustomFirst + 1);
            for (var n = RuleIds.CustomFirst; n <= RuleIds.CustomLast; n++)
            {
                var id = RuleIds.Custom(n);
                builder.Add(Create(id, "Custom rule " + id, "{0}",
                    "An ID of the range CASE100-CASE199 that the rules file (casecompliance.json) gives to custom rules; unused, it reports nothing.",
                    DiagnosticSeverity.Warning, HelpLinkBase.Replace("docs/rules/", "docs/custom-rules.md"), ImmutableArray<string>.Empty, ImmutableArray.Create(CustomTag)));
            }

            return builder.MoveToImmutable();
        }

        /// <summary>The descriptors a host declares: the built-in rules of its kinds, then the custom range when custom rules may use them.</summary>
        public static ImmutableArray<DiagnosticDescriptor> ForKinds(params string[] kinds)
        {
            var builder = ImmutableArray.CreateBuilder<DiagnosticDescriptor>();
            var custom = false;
            foreach (var definition in BuiltInRules.Document.Rules)
            {
                if (System.Array.IndexOf(kinds, definition.Kind.Name) >= 0)
                {
                    builder.Add(BuiltInDescriptor(definition.Id.Name));
                }
            }

            foreach (var kind in kinds)
            {
                custom |= RuleKind.Find(kind) is { BuiltInOnly: false };
            }

            if (custom)
            {
                builder.AddRange(CustomRange);
            }

            return builder.ToImmutable();
        }

        public static bool IsBuiltInId(string id) => BuiltInRules.IsBuiltIn(id);

        /// <summary>The guideline IDs a descriptor cites, from its custom tags.</summary>
        public static ImmutableArray<string> GuidelineIds(DiagnosticDescriptor descriptor) => TagValues(descriptor, GuidelineTagPrefix);

        /// <summary>A custom rule's own name, from its tags; null for built-in rules.</summary>
        public static string? RuleName(DiagnosticDescriptor descriptor) => TagValues(descriptor, NameTagPrefix) is { Length: > 0 } names ? names[0] : null;

        /// <summary>The rule's kind, from its tags.</summary>
        public static string? KindOf(DiagnosticDescriptor descriptor) => TagValues(descriptor, KindTagPrefix) is { Length: > 0 } kinds ? kinds[0] : null;

        private static ImmutableArray<string> TagValues(DiagnosticDescriptor descriptor, string prefix)
        {
            var builder = ImmutableArray.CreateBuilder<string>();
            foreach (var tag in descriptor.CustomTags)
            {
                if (tag.StartsWith(prefix, System.StringComparison.Ordinal))
                {
                    builder.Add(tag.Substring(prefix.Length));
                }
            }

            return builder.ToImmutable();
        }

        /// <summary>The guideline a fix title names: the descriptor's first.</summary>
        public static Guideline PrimaryGuideline(DiagnosticDescriptor descriptor)
        {
            foreach (var id in GuidelineIds(descriptor))
            {
                if (Guidelines.Find(id) is { } g)
                {
                    return g;
                }
            }

            return Guidelines.Find("UPP-ANDAMAL")!;
        }

        /// <summary>
        /// The descriptor of a rule definition: title, the message with named placeholders made positional, severity
        /// (never Error by default for a custom rule: the file's severity goes on each diagnostic instead), help link
        /// (the definition's own, else <paramref name="helpLinkBase"/> + ID), and tags for guidelines, kind and name.
        /// </summary>
        internal static DiagnosticDescriptor FromDefinition(RuleDefinition definition, string helpLinkBase, IReadOnlyDictionary<string, Guideline>? customGuidelines = null)
        {
            var kind = RuleKind.Find(definition.Kind.Name)!;
            var message = MessageFormat.Positional(definition.Message.Name, kind, out _);
            var description = definition.Description ?? string.Empty;
            var tags = ImmutableArray.CreateBuilder<string>();
            tags.Add(KindTagPrefix + kind.Name);
            string helpLink;
            if (definition.IsBuiltIn)
            {
                helpLink = helpLinkBase + definition.Id.Name + ".md";
            }
            else
            {
                tags.Add(CustomTag);
                helpLink = definition.HelpLink ?? KindPage(helpLinkBase, kind.Name);
                if (definition.Name is { } name)
                {
                    tags.Add(NameTagPrefix + name);
                    message = "[" + name.Replace("{", "{{").Replace("}", "}}") + "] " + message;
                }

                description = CustomDescription(definition, customGuidelines);
            }

            var guidelines = ImmutableArray.CreateBuilder<string>();
            foreach (var g in definition.Guidelines)
            {
                guidelines.Add(g.Name);
            }

            var severity = definition.Severity is { } s && s != DiagnosticSeverity.Error ? s : DiagnosticSeverity.Warning;
            return Create(definition.Id.Name, definition.Title, message, description, severity, helpLink, guidelines.ToImmutable(), tags.ToImmutable());
        }

        /// <summary>The page of a kind beside the rule pages: <c>docs/kinds/guardBefore.md</c> next to <c>docs/rules/</c>, wherever they are hosted.</summary>
        internal static string KindPage(string helpLinkBase, string kind)
            => System.Uri.TryCreate(new System.Uri(helpLinkBase, System.UriKind.Absolute), "../kinds/" + kind + ".md", out var page)
                ? page.ToString()
                : helpLinkBase + kind + ".md";

        /// <summary>A custom rule's help text: its description, its name, and the quotes of its guidelines.</summary>
        private static string CustomDescription(RuleDefinition definition, IReadOnlyDictionary<string, Guideline>? customGuidelines)
        {
            var text = new StringBuilder();
            if (definition.Name is { } name)
            {
                text.Append(name).Append(": ");
            }

            text.Append(definition.Description ?? definition.Title);
            foreach (var reference in definition.Guidelines)
            {
                var guideline = Guidelines.Find(reference.Name);
                if (guideline is null && customGuidelines is not null)
                {
                    customGuidelines.TryGetValue(reference.Name, out guideline);
                }

                if (guideline is not null)
                {
                    text.Append(' ').Append(guideline.Id).Append(" (").Append(guideline.Source).Append("): \"").Append(guideline.Quote).Append("\"");
                }
            }

            return text.ToString();
        }

        private static DiagnosticDescriptor BuiltIn(string id) => FromDefinition(BuiltInRules.Definition(id), HelpLinkBase);

        private static DiagnosticDescriptor BuiltInDescriptor(string id)
        {
            foreach (var descriptor in All)
            {
                if (descriptor.Id == id)
                {
                    return descriptor;
                }
            }

            throw new System.ArgumentException("No built-in rule " + id, nameof(id));
        }

        /// <summary>Creates a descriptor with the project's category and the guideline, kind and other tags: the one place that may.</summary>
        public static DiagnosticDescriptor Create(string id, string title, string message, string description, DiagnosticSeverity severity, string helpLink,
            ImmutableArray<string> guidelineIds, ImmutableArray<string> tags)
        {
            var all = new List<string>(guidelineIds.Length + tags.Length);
            foreach (var g in guidelineIds)
            {
                all.Add(GuidelineTagPrefix + g);
            }

            all.AddRange(tags);
#pragma warning disable RS0030 // the one place that may construct a descriptor
            return new DiagnosticDescriptor(id, title, message, Category, severity, isEnabledByDefault: true,
                description: description, helpLinkUri: helpLink, customTags: all.ToArray());
#pragma warning restore RS0030
        }
    }
}
