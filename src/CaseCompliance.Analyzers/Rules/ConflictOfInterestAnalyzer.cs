using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// CASE030 (decision without a conflict-of-interest check): never decide a case about yourself or someone close
    /// (jäv), guidelines EK-SAKLIG-2, EK-SAKLIG-3, EK-SKATT-2.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ConflictOfInterestAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<PathRule> PathRules = ImmutableArray.Create(
            new PathRule(CaseRules.DecisionWithoutConflictCheck, PathRuleKind.GuardBefore, trigger: Role.CaseDecision,
                cover: Role.ConflictOfInterestCheck, checkedResult: true));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(CaseRules.DecisionWithoutConflictCheck);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                if (model.Symbols.CaseDecision is null)
                {
                    return;
                }

                start.RegisterSymbolStartAction(new PathEngine(model, PathRules).OnTypeStart, SymbolKind.NamedType);
            });
        }
    }
}
