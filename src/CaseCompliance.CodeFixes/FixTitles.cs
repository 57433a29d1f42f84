using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using CaseCompliance.Analyzers;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.CodeFixes
{
    /// <summary>
    /// Fix titles name the guideline behind the rule — "Declare purpose 'x' (EK-INTEGRITET-1 Etisk kod: ...)" — and a
    /// custom rule's own name: "Insert the guard (SJP-TVA-SPECIALISTER Sjukpenning: ...)".
    /// </summary>
    internal static class FixTitles
    {
        public static string Format(DiagnosticDescriptor rule, string action) => Format(rule, action, null);

        /// <summary>The rule's <c>fixTitle</c>, else <paramref name="fallback"/>, with its placeholders filled in.</summary>
        public static string Action(Diagnostic diagnostic, string fallback, params (string Name, string Value)[] values)
        {
            var title = diagnostic.Properties.TryGetValue("fixTitle", out var own) && !string.IsNullOrWhiteSpace(own) ? own! : fallback;
            foreach (var (name, value) in values)
            {
                title = title.Replace("{" + name + "}", value);
            }

            return title;
        }

        public static string Format(Diagnostic diagnostic, string action, CaseModel model) => Format(diagnostic.Descriptor, action, model);

        private static string Format(DiagnosticDescriptor rule, string action, CaseModel? model)
        {
            var name = CaseRules.RuleName(rule);
            Guideline? guideline = null;
            foreach (var id in CaseRules.GuidelineIds(rule))
            {
                guideline = model?.Guideline(id) ?? Guidelines.Find(id);
                if (guideline is not null)
                {
                    break;
                }
            }

            if (guideline is null)
            {
                return name is null ? action : action + " (" + name + ")";
            }

            // A guideline a rules file declares without a short phrase is cited by its ID alone.
            var cite = guideline.ShortPhrase == guideline.Id || guideline.ShortPhrase.Length == 0 ? guideline.Id : guideline.Id + " " + guideline.ShortPhrase;
            return name is null || name == guideline.Id ? action + " (" + cite + ")" : action + " (" + name + "; " + cite + ")";
        }
    }

    /// <summary>What fixes share to see what the analyzer saw and to read the diagnostic's contract (<see cref="DiagnosticKeys"/>).</summary>
    internal static class FixModel
    {
        /// <summary>The policy model of the document's project, with its rules files: the one the analyzers built.</summary>
        public static CaseModel For(Document document, SemanticModel model)
            => CaseModel.GetOrCreate(model.Compilation, document.Project.AnalyzerOptions);

        /// <summary>The roles a diagnostic property names, resolved in the model.</summary>
        public static RoleSet Roles(CaseModel model, Diagnostic diagnostic, string key) => model.Roles.Set(DiagnosticKeys.Split(diagnostic, key));

        public static bool IsKind(Diagnostic diagnostic, string kind)
            => diagnostic.Properties.TryGetValue(DiagnosticKeys.Kind, out var value) && value == kind;

        /// <summary>The IDs a fix takes: the built-in rules of its kind and the whole custom range.</summary>
        public static ImmutableArray<string> Ids(params string[] builtIn)
        {
            var builder = ImmutableArray.CreateBuilder<string>(builtIn.Length + RuleIds.CustomLast - RuleIds.CustomFirst + 1);
            builder.AddRange(builtIn);
            for (var n = RuleIds.CustomFirst; n <= RuleIds.CustomLast; n++)
            {
                builder.Add(RuleIds.Custom(n));
            }

            return builder.MoveToImmutable();
        }
    }
}
