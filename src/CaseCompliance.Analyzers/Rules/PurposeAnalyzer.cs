using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// CASE001 (personal data read without a declared purpose), CASE002 (read outside its purposes) and
    /// CASE003 (unknown processing purpose): purpose limitation, GDPR art. 5.1 b, guideline UPP-ANDAMAL.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PurposeAnalyzer : DiagnosticAnalyzer
    {
        private static readonly ImmutableArray<PurposeRule> BuiltInRules = ImmutableArray.Create(
            new PurposeRule(CaseRules.UndeclaredPurpose, CaseRules.PurposeMismatch));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(CaseRules.UndeclaredPurpose, CaseRules.PurposeMismatch, CaseRules.UnknownPurpose);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                if (model.Symbols.ProcessingPurpose is not null || model.Symbols.PersonalData is not null)
                {
                    start.RegisterSyntaxNodeAction(new CatalogStrings(model, CaseRules.UnknownPurpose, unknownGround: null).OnAttribute, CatalogStrings.Kinds);
                }

                if (!model.HasPersonalData || model.Symbols.ProcessingPurpose is null)
                {
                    return; // without the annotations nobody can declare a purpose
                }

                var restriction = new PurposeRestriction(model, BuiltInRules);
                start.RegisterOperationAction(restriction.OnMemberRead, OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.Invocation);
                start.RegisterOperationAction(restriction.OnCompositeRead, OperationKind.DeconstructionAssignment, OperationKind.RecursivePattern, OperationKind.With, OperationKind.Loop);
            });
        }
    }
}
