using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// The host of the kind "required value": CASE050 (decision without reasoning) and custom rules of the kind. Every
    /// decision states its reasons, guidelines SJP-MOTIVERING and SJP-FORKLARA.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class RequiredValueAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = CaseRules.ForKinds(RuleKind.RequiredValue);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                var rules = ImmutableArray.CreateBuilder<RequiredValueRule>();
                foreach (var rule in model.RulesOfKind(RuleKind.RequiredValue))
                {
                    var required = new RequiredValueRule(rule);
                    if (model.MayOccur(required.Type) && model.MayOccur(required.Member))
                    {
                        rules.Add(required);
                    }
                }

                if (rules.Count > 0)
                {
                    start.RegisterOperationAction(new RequiredValue(model, rules.ToImmutable()).OnCreation, OperationKind.ObjectCreation, OperationKind.With);
                }
            });
        }
    }
}
