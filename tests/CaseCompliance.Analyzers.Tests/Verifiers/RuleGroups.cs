using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using CaseCompliance.Analyzers.Rules;

#pragma warning disable RS1001, RS1022, RS1025, RS1026 // groups are test-side names for sets of the package's analyzers; they never run

namespace CaseCompliance.Analyzers.Tests.Verifiers;

/// <summary>
/// A family of rules for a test: the hosts of their kinds, run together as the package runs them. Tests name the
/// family (<c>CSharpAnalyzerVerifier&lt;LookupRules&gt;</c>); the verifier runs its <see cref="Members"/>. A group itself
/// never runs.
/// </summary>
public abstract class RuleGroup : DiagnosticAnalyzer
{
    public abstract ImmutableArray<DiagnosticAnalyzer> Members { get; }

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics
        => Members.SelectMany(m => m.SupportedDiagnostics).GroupBy(d => d.Id).Select(g => g.First()).ToImmutableArray();

    public override void Initialize(AnalysisContext context) => throw new InvalidOperationException("A rule group does not run; its members do.");

    /// <summary>The analyzers to run for <typeparamref name="T"/>: a group's members, or the analyzer itself.</summary>
    public static ImmutableArray<DiagnosticAnalyzer> Expand<T>()
        where T : DiagnosticAnalyzer, new()
        => new T() is RuleGroup group ? group.Members : ImmutableArray.Create<DiagnosticAnalyzer>(new T());
}

/// <summary>CASE001-CASE003: purposes.</summary>
public sealed class PurposeRules : RuleGroup
{
    public override ImmutableArray<DiagnosticAnalyzer> Members { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new PurposeRestrictionAnalyzer(), new KnownNameAnalyzer());
}

/// <summary>CASE010-CASE012: staff lookups and their audit.</summary>
public sealed class LookupRules : RuleGroup
{
    public override ImmutableArray<DiagnosticAnalyzer> Members { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new PathRuleAnalyzer(), new CoverCheckAnalyzer());
}

/// <summary>CASE020-CASE022: dual control of payments.</summary>
public sealed class DualControlRules : RuleGroup
{
    public override ImmutableArray<DiagnosticAnalyzer> Members { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new MustDifferAnalyzer(), new PathRuleAnalyzer());
}

/// <summary>CASE030: conflicts of interest.</summary>
public sealed class ConflictRules : RuleGroup
{
    public override ImmutableArray<DiagnosticAnalyzer> Members { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new PathRuleAnalyzer());
}

/// <summary>CASE040-CASE041: fair decisions.</summary>
public sealed class FairDecisionRules : RuleGroup
{
    public override ImmutableArray<DiagnosticAnalyzer> Members { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new NoBranchOnAnalyzer(), new KnownNameAnalyzer());
}

/// <summary>CASE050: reasoned decisions.</summary>
public sealed class ReasoningRules : RuleGroup
{
    public override ImmutableArray<DiagnosticAnalyzer> Members { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new RequiredValueAnalyzer());
}

/// <summary>CASE060: disclosure to sinks.</summary>
public sealed class DisclosureRules : RuleGroup
{
    public override ImmutableArray<DiagnosticAnalyzer> Members { get; } = ImmutableArray.Create<DiagnosticAnalyzer>(new NoFlowToSinkAnalyzer());
}

/// <summary>Every analyzer of the package.</summary>
public sealed class AllRules : RuleGroup
{
    public override ImmutableArray<DiagnosticAnalyzer> Members { get; } = typeof(CaseRules).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();
}
