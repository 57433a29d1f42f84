using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// The host of the kinds "cover matches" and "cover not swallowed": CASE011 (audit records another person), CASE012
    /// (audit failure swallowed) and custom rules of these kinds. Staff lookups are overseen, guideline UPP-SOKNINGAR.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class CoverCheckAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CaseRules.ForKinds(RuleKind.CoverMatches, RuleKind.CoverNotSwallowed);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                var rules = ImmutableArray.CreateBuilder<CoverCheckRule>();
                foreach (var rule in model.RulesOfKind(RuleKind.CoverMatches, RuleKind.CoverNotSwallowed))
                {
                    var check = new CoverCheckRule(rule);
                    if (model.MayOccur(check.Trigger) && model.MayOccur(check.Cover))
                    {
                        rules.Add(check);
                    }
                }

                if (rules.Count > 0)
                {
                    start.RegisterOperationBlockStartAction(new CoverChecks(model, rules.ToImmutable()).OnBlockStart);
                }
            });
        }
    }
}
