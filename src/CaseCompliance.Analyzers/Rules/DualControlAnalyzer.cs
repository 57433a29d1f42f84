using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// CASE020 (attested by the preparer), CASE021 (attestation without a second-party check) and CASE022
    /// (disbursement without attestation): no one alone attests a payment, guideline EK-SKATT-1.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DualControlAnalyzer : DiagnosticAnalyzer
    {
        private static readonly MustDifferRule AttesterIsNotPreparer =
            new MustDifferRule(CaseRules.AttestedByPreparer, call: Role.Attestation, first: Role.Attester, second: Role.PreparedBy);

        private static readonly ImmutableArray<PathRule> PathRules = ImmutableArray.Create(
            new PathRule(CaseRules.AttestationWithoutCheck, PathRuleKind.GuardedBody, trigger: Role.Attestation,
                cover: Role.SecondPartyCheck | Role.Attestation, checkedResult: true, compareWith: Role.PreparedBy),
            new PathRule(CaseRules.DisbursementWithoutAttestation, PathRuleKind.GuardBefore, trigger: Role.Disbursement,
                cover: Role.Attestation, status: Role.AttestationStatus));

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
            CaseRules.AttestedByPreparer, CaseRules.AttestationWithoutCheck, CaseRules.DisbursementWithoutAttestation);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                if (model.Symbols.Attestation is null && model.Symbols.Disbursement is null)
                {
                    return;
                }

                start.RegisterOperationAction(new MustDiffer(model, AttesterIsNotPreparer).OnInvocation, OperationKind.Invocation);
                start.RegisterSymbolStartAction(new PathEngine(model, PathRules).OnTypeStart, SymbolKind.NamedType);
            });
        }
    }
}
