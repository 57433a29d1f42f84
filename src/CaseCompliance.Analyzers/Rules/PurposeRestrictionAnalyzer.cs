using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// The host of the kind "data restricted to purposes": CASE001 (personal data read without a declared purpose),
    /// CASE002 (read outside its purposes) and every custom rule of the kind (CASE100-CASE199), in one pass.
    /// Purpose limitation, GDPR art. 5.1 b, guideline UPP-ANDAMAL.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PurposeRestrictionAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CaseRules.ForKinds(RuleKind.PurposeRestriction);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);

                // Someone must be able to declare a purpose: the annotations, or a rules file.
                if (!model.HasPersonalData || model.Symbols.ProcessingPurpose is null && model.RulesSet.Files.IsEmpty)
                {
                    return;
                }

                var rules = ImmutableArray.CreateBuilder<PurposeRule>();
                foreach (var rule in model.RulesOfKind(RuleKind.PurposeRestriction))
                {
                    rules.Add(new PurposeRule(rule, model));
                }

                if (rules.Count == 0)
                {
                    return;
                }

                var restriction = new PurposeRestriction(model, rules.ToImmutable());
                start.RegisterOperationAction(restriction.OnMemberRead, OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.Invocation);
                start.RegisterOperationAction(restriction.OnCompositeRead, OperationKind.DeconstructionAssignment, OperationKind.RecursivePattern, OperationKind.With, OperationKind.Loop);
            });
        }
    }
}
