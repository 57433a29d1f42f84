using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>CASE050 (decision without reasoning): every decision states its reasons, guidelines SJP-MOTIVERING and SJP-FORKLARA.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class ReasoningAnalyzer : DiagnosticAnalyzer
    {
        private static readonly RequiredValueRule DecisionNeedsReasons =
            new RequiredValueRule(CaseRules.DecisionWithoutReasoning, type: Role.DecisionRecord, member: Role.Reasoning);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(CaseRules.DecisionWithoutReasoning);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                if (model.Symbols.DecisionRecord is null || model.Symbols.Reasoning is null)
                {
                    return;
                }

                start.RegisterOperationAction(new RequiredValue(model, DecisionNeedsReasons).OnCreation, OperationKind.ObjectCreation, OperationKind.With);
            });
        }
    }
}
