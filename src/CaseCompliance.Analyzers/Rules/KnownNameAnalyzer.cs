using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// The host of the built-in-only kind "known name": CASE003 (unknown processing purpose) and CASE041 (unknown
    /// ground of discrimination) check the strings of the annotations against the catalogs, built-in and declared in
    /// the rules files. Guidelines UPP-ANDAMAL and EK-DISKRIMINERING.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class KnownNameAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CaseRules.ForKinds(RuleKind.KnownName);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                var symbols = model.Symbols;
                if (symbols.ProcessingPurpose is null && symbols.PersonalData is null && symbols.ProtectedCharacteristic is null && symbols.LegalBasis is null)
                {
                    return; // nothing in this compilation can write such a string
                }

                var strings = new CatalogStrings(model, model.RulesOfKind(RuleKind.KnownName));
                if (!strings.IsEmpty)
                {
                    start.RegisterSyntaxNodeAction(strings.OnAttribute, CatalogStrings.Kinds);
                }
            });
        }
    }
}
