using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// The host of the kind "must differ": CASE020 (attested by the preparer) and custom rules of the kind, such as
    /// two specialists who must be different people (SJP-TVA-SPECIALISTER). No one alone attests a payment, EK-SKATT-1.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class MustDifferAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CaseRules.ForKinds(RuleKind.MustDiffer);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                var rules = ImmutableArray.CreateBuilder<MustDifferRule>();
                foreach (var rule in model.RulesOfKind(RuleKind.MustDiffer))
                {
                    var differ = new MustDifferRule(rule);
                    if (model.MayOccur(differ.Call))
                    {
                        rules.Add(differ);
                    }
                }

                if (rules.Count > 0)
                {
                    start.RegisterOperationAction(new MustDiffer(model, rules.ToImmutable()).OnInvocation, OperationKind.Invocation);
                }
            });
        }
    }
}
