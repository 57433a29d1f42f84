using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Engine;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Rules
{
    /// <summary>
    /// The host of the path kinds "required on every path", "guard before call" and "guarded body": CASE010 (person
    /// lookup without audit), CASE021 (attestation without a second-party check), CASE022 (disbursement without
    /// attestation), CASE030 (decision without a conflict-of-interest check) and every custom rule of these kinds, on
    /// one path engine: one scan of each body, one graph per relevant body, for all rules. Guidelines UPP-SOKNINGAR,
    /// EK-SKATT-1, EK-SAKLIG-2 and -3.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class PathRuleAnalyzer : DiagnosticAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            CaseRules.ForKinds(RuleKind.RequiredOnEveryPath, RuleKind.GuardBefore, RuleKind.GuardedBody);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(static start =>
            {
                var model = CaseModel.GetOrCreate(start);
                var rules = ImmutableArray.CreateBuilder<PathRule>();
                foreach (var rule in model.RulesOfKind(RuleKind.RequiredOnEveryPath, RuleKind.GuardBefore, RuleKind.GuardedBody))
                {
                    var path = new PathRule(rule, PathRule.KindOf(rule.Kind.Name)!.Value);
                    if (path.Kind == PathRuleKind.RequiredOnEveryPath)
                    {
                        // One mistake, one diagnostic: where a cover rule of the same roles reports the wrong cover or the
                        // swallowed one, the trigger is not reported as well.
                        foreach (var peer in model.RulesOfKind(RuleKind.CoverMatches, RuleKind.CoverNotSwallowed))
                        {
                            if (peer.RoleParameter("trigger").Equals(path.Trigger) && peer.RoleParameter("cover").Equals(path.Cover))
                            {
                                if (peer.Kind.Name == RuleKind.CoverNotSwallowed)
                                {
                                    path.SwallowReportedElsewhere = true;
                                }
                                else if (peer.RoleParameter("match").Equals(path.Match))
                                {
                                    path.MismatchReportedElsewhere = true;
                                }
                            }
                        }
                    }

                    if (model.MayOccur(path.Trigger))
                    {
                        rules.Add(path); // a rule whose trigger nothing can play costs nothing
                    }
                }

                if (rules.Count > 0)
                {
                    var sources = new SourceBodies(start.Compilation, SourceBodies.ConfiguredDepth(start.Options));
                    start.RegisterOperationBlockStartAction(new PathEngine(model, rules.ToImmutable(), sources).OnBlockStart);
                }
            });
        }
    }
}
