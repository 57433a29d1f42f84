using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// CASE040 (decision depends on a protected characteristic) and CASE041 (unknown ground of discrimination):
    /// no unjustified differences by sex or any other ground, guidelines JAM-OSAKLIG and EK-DISKRIMINERING.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class FairDecisionAnalyzer : DiagnosticAnalyzer
    {
        private static readonly NoBranchOnRule NoBranchOnGrounds =
            new NoBranchOnRule(CaseRules.ProtectedCharacteristicInDecision, Role.DecisionLogic, exemptPurpose: "statistics");

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(CaseRules.ProtectedCharacteristicInDecision, CaseRules.UnknownGround);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                if (model.Symbols.ProtectedCharacteristic is null && model.Symbols.LegalBasis is null)
                {
                    return;
                }

                start.RegisterSyntaxNodeAction(new CatalogStrings(model, unknownPurpose: null, CaseRules.UnknownGround).OnAttribute, CatalogStrings.Kinds);
                if (model.Symbols.ProtectedCharacteristic is null || model.Symbols.DecisionLogic is null)
                {
                    return;
                }

                start.RegisterOperationBlockStartAction(new NoBranchOn(model, NoBranchOnGrounds).OnBlockStart);
            });
        }
    }
}
