using System;
using System.Collections.Generic;
using System.IO;
using Microsoft.CodeAnalysis.Text;
using CaseCompliance.Analyzers.RulesFile;

namespace CaseCompliance.Analyzers.BuiltIn
{
    /// <summary>
    /// The built-in rules and guidelines as data: <c>builtin.casecompliance.json</c>, embedded in this assembly and
    /// read by the same reader as an architect's rules file, once per process.
    /// </summary>
    internal static class BuiltInRules
    {
        public const string ResourceName = "CaseCompliance.Analyzers.BuiltIn.builtin.casecompliance.json";

        /// <summary>The name the built-in file goes by in messages.</summary>
        public const string FileName = "builtin.casecompliance.json";

        private static readonly Lazy<RulesDocument> Parsed = new Lazy<RulesDocument>(Load);

        private static readonly Lazy<Dictionary<string, RuleDefinition>> ById = new Lazy<Dictionary<string, RuleDefinition>>(Index);

        public static RulesDocument Document => Parsed.Value;

        /// <summary>The text of the definitions, for tools and docs.</summary>
        public static SourceText Text => Document.Text;

        public static RuleDefinition Definition(string id)
            => ById.Value.TryGetValue(id, out var definition) ? definition : throw new ArgumentException("No built-in rule " + id, nameof(id));

        public static bool IsBuiltIn(string id) => ById.Value.ContainsKey(id);

        private static RulesDocument Load()
        {
            using var stream = typeof(BuiltInRules).Assembly.GetManifestResourceStream(ResourceName)
                ?? throw new InvalidOperationException("The built-in rule definitions are missing from the assembly: " + ResourceName);
            var text = SourceText.From(stream);
            var document = RulesFileReader.Read(FileName, text, isBuiltIn: true);
            if (document.Problems.Count > 0)
            {
                // Guarded by a unit test; a broken embedded file must never ship.
                var first = document.Problems[0];
                throw new InvalidOperationException($"{FileName} at {document.Describe(first.Span)}: " + string.Format(System.Globalization.CultureInfo.InvariantCulture,
                    first.Descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Arguments));
            }

            return document;
        }

        private static Dictionary<string, RuleDefinition> Index()
        {
            var map = new Dictionary<string, RuleDefinition>(StringComparer.Ordinal);
            foreach (var rule in Document.Rules)
            {
                map[rule.Id.Name] = rule;
            }

            return map;
        }
    }
}
