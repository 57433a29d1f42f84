using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// The host of the kind "no branch on": CASE040 (decision depends on a protected characteristic) and custom rules of
    /// the kind. No unjustified differences by sex or any other ground, guidelines JAM-OSAKLIG and EK-DISKRIMINERING.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class NoBranchOnAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CaseRules.ForKinds(RuleKind.NoBranchOn);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                if (!model.HasPersonalData)
                {
                    return;
                }

                var rules = ImmutableArray.CreateBuilder<NoBranchOnRule>();
                foreach (var rule in model.RulesOfKind(RuleKind.NoBranchOn))
                {
                    var branch = new NoBranchOnRule(rule, model);
                    if (model.MayOccur(branch.Scope))
                    {
                        rules.Add(branch);
                    }
                }

                if (rules.Count > 0)
                {
                    start.RegisterOperationBlockStartAction(new NoBranchOn(model, rules.ToImmutable()).OnBlockStart);
                }
            });
        }
    }
}
