using Microsoft.CodeAnalysis;
using CaseCompliance.Analyzers;

namespace CaseCompliance.CodeFixes
{
    /// <summary>Fix titles name the guideline behind the rule: "Declare purpose 'x' (EK-INTEGRITET-1 Etisk kod: ...)".</summary>
    internal static class FixTitles
    {
        public static string Format(DiagnosticDescriptor rule, string action)
        {
            var guideline = CaseRules.PrimaryGuideline(rule);
            return action + " (" + guideline.Id + " " + guideline.ShortPhrase + ")";
        }
    }
}
