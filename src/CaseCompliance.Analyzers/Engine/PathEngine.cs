using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// The engine of the path rule kinds (<see cref="PathRuleKind"/>). Each body is scanned while its operations are
    /// analyzed; a body with a trigger gets its control-flow graph when it ends, and each rule checks its triggers on
    /// it. A call covers when the method it runs (<see cref="SourceBodies"/>: a local function, a method of the
    /// compilation, the one source implementation of a virtual or interface method) covers every normal path of its
    /// own, or, for a bool method tested in a condition, returns true only where a check passed — summaries worked out
    /// once per rule, method and remaining call depth, and cached for the compilation. Lambdas and local functions are
    /// bodies of their own. Most bodies have nothing relevant and get no graph at all. docs/helpers.md.
    /// </summary>
    internal sealed class PathEngine
    {
        private readonly CaseModel model;
        private readonly ImmutableArray<PathRule> rules;
        private readonly RoleSet memberRoles;
        private readonly RoleSet callRoles;

        /// <summary>The diagnostic property that names the calls a finding could not see into (SPEC §4: coverage gaps).</summary>
        public const string CoverageGapProperty = "coverageGap";

        private readonly SourceBodies sources;
        private readonly ConcurrentDictionary<(int Rule, IMethodSymbol Method, int Depth), bool> summaries =
            new ConcurrentDictionary<(int, IMethodSymbol, int), bool>(new SummaryKeyComparer());
        private readonly ConcurrentDictionary<(int Rule, IMethodSymbol Method, int Depth), bool?> checks =
            new ConcurrentDictionary<(int, IMethodSymbol, int), bool?>(new SummaryKeyComparer());
        private readonly ConcurrentDictionary<(IMethodSymbol Method, int Depth), bool> mayCover =
            new ConcurrentDictionary<(IMethodSymbol, int), bool>(new RelevanceKeyComparer());

        public PathEngine(CaseModel model, ImmutableArray<PathRule> rules, SourceBodies sources)
        {
            this.model = model;
            this.rules = rules;
            this.sources = sources;
            foreach (var rule in rules)
            {
                memberRoles = memberRoles.Union(rule.Status).Union(rule.CompareWith);
                callRoles = callRoles.Union(rule.Trigger).Union(rule.Cover).Union(rule.Status);
            }
        }

        /// <summary>Scans one body; when it holds something a rule cares about, checks it at its end, with summaries of the calls it makes.</summary>
        public void OnBlockStart(OperationBlockStartAnalysisContext context) => new BodyCheck(this).OnBlockStart(context);

        private sealed class SummaryKeyComparer : IEqualityComparer<(int Rule, IMethodSymbol Method, int Depth)>
        {
            public bool Equals((int Rule, IMethodSymbol Method, int Depth) x, (int Rule, IMethodSymbol Method, int Depth) y)
                => x.Rule == y.Rule && x.Depth == y.Depth && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

            public int GetHashCode((int Rule, IMethodSymbol Method, int Depth) key)
                => (SymbolEqualityComparer.Default.GetHashCode(key.Method) * 31 + key.Rule) * 31 + key.Depth;
        }

        private sealed class RelevanceKeyComparer : IEqualityComparer<(IMethodSymbol Method, int Depth)>
        {
            public bool Equals((IMethodSymbol Method, int Depth) x, (IMethodSymbol Method, int Depth) y)
                => x.Depth == y.Depth && SymbolEqualityComparer.Default.Equals(x.Method, y.Method);

            public int GetHashCode((IMethodSymbol Method, int Depth) key) => SymbolEqualityComparer.Default.GetHashCode(key.Method) * 31 + key.Depth;
        }

        /// <summary>
        /// Whether a body could cover anything within <paramref name="depth"/> calls: it calls a cover or status method,
        /// reads a status or compared member, or calls a source method that could. Cheap, and spares the graphs of
        /// the many helpers that have nothing to do with any rule.
        /// </summary>
        private bool MayCover(SourceBody body, int depth, CancellationToken cancellationToken)
        {
            var key = (body.Method, depth);
            if (mayCover.TryGetValue(key, out var known))
            {
                return known;
            }

            var facts = Facts(body);
            var found = facts.Direct;
            if (!found && depth > 0)
            {
                foreach (var callee in facts.Callees)
                {
                    if (sources.Resolve(callee, cancellationToken).Body is { } inner && MayCover(inner, depth - 1, cancellationToken))
                    {
                        found = true;
                        break;
                    }
                }
            }

            return mayCover.GetOrAdd(key, found);
        }

        private readonly ConcurrentDictionary<IMethodSymbol, BodyFacts> facts = new ConcurrentDictionary<IMethodSymbol, BodyFacts>(SymbolEqualityComparer.Default);

        /// <summary>What one walk of a body finds, whatever the depth: whether it covers by itself, and the source methods it calls.</summary>
        private BodyFacts Facts(SourceBody body)
        {
            if (facts.TryGetValue(body.Method, out var known))
            {
                return known;
            }

            var direct = false;
            var callees = new List<IMethodSymbol>();
            foreach (var root in body.Roots)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    switch (operation)
                    {
                        case IInvocationOperation invocation:
                            var roles = model.Meaning(invocation.TargetMethod).Roles;
                            if (roles.Overlaps(callRoles) && !IsOnlyTrigger(roles))
                            {
                                direct = true;
                            }
                            else if (invocation.TargetMethod.MethodKind != MethodKind.LocalFunction
                                && SymbolEqualityComparer.Default.Equals(invocation.TargetMethod.ContainingAssembly, sources.Compilation.Assembly))
                            {
                                callees.Add(invocation.TargetMethod);
                            }

                            break;
                        case IPropertyReferenceOperation p:
                            direct |= HasAnyRole(p.Property, memberRoles);
                            break;
                        case IFieldReferenceOperation f:
                            direct |= HasAnyRole(f.Field, memberRoles);
                            break;
                        case IParameterReferenceOperation pr:
                            direct |= HasAnyRole(pr.Parameter, memberRoles);
                            break;
                    }

                    if (direct)
                    {
                        break;
                    }
                }
            }

            return facts.GetOrAdd(body.Method, new BodyFacts(direct, direct ? new List<IMethodSymbol>() : callees));
        }

        private sealed class BodyFacts
        {
            public BodyFacts(bool direct, List<IMethodSymbol> callees)
            {
                Direct = direct;
                Callees = callees;
            }

            public bool Direct { get; }

            public List<IMethodSymbol> Callees { get; }
        }

        private bool IsOnlyTrigger(RoleSet roles)
        {
            foreach (var rule in rules)
            {
                if (roles.Overlaps(rule.Cover) || roles.Overlaps(rule.Status))
                {
                    return false;
                }
            }

            return true;
        }

        private bool HasAnyRole(ISymbol symbol, RoleSet roles) => model.HasRole(symbol, roles);

        private readonly ConcurrentDictionary<IMethodSymbol, CallRole?> callRolesByMethod = new ConcurrentDictionary<IMethodSymbol, CallRole?>(SymbolEqualityComparer.Default);

        /// <summary>What a call to <paramref name="method"/> is to the rules: the rules it triggers, whether it covers; null when nothing.</summary>
        private CallRole? CallRoleOf(IMethodSymbol method)
        {
            if (callRolesByMethod.TryGetValue(method, out var known))
            {
                return known;
            }

            var roles = model.Meaning(method).Roles;
            CallRole? role = null;
            if (roles.Overlaps(callRoles))
            {
                var triggers = new List<int>();
                var relevant = false;
                for (var i = 0; i < rules.Length; i++)
                {
                    var rule = rules[i];
                    if (rule.Kind != PathRuleKind.GuardedBody && roles.Overlaps(rule.Trigger))
                    {
                        triggers.Add(i);
                        relevant = true;
                    }

                    relevant |= roles.Overlaps(rule.Cover) || roles.Overlaps(rule.Status);
                }

                role = new CallRole(triggers.ToArray(), relevant);
            }

            return callRolesByMethod.GetOrAdd(method, role);
        }

        private sealed class CallRole
        {
            public CallRole(int[] triggers, bool relevant)
            {
                Triggers = triggers;
                Relevant = relevant;
            }

            public int[] Triggers { get; }

            public bool Relevant { get; }
        }

        /// <summary>What a block holds that the rules care about.</summary>
        private sealed class BlockScan
        {
            private readonly object gate = new object();
            private int relevant;
            private bool[]? triggers; // [i]: rule i's trigger is called here (or, for a guarded body, the method is one)

            public bool Relevant => Volatile.Read(ref relevant) != 0;

            public bool HasTrigger(int rule)
            {
                lock (gate)
                {
                    return triggers is not null && triggers[rule];
                }
            }

            public bool[]? Triggers
            {
                get
                {
                    lock (gate)
                    {
                        return triggers is null ? null : (bool[])triggers.Clone();
                    }
                }
            }

            public void OnInvocation(PathEngine engine, OperationAnalysisContext context)
            {
                var method = ((IInvocationOperation)context.Operation).TargetMethod;
                var role = engine.CallRoleOf(method);
                if (role is null)
                {
                    return; // almost every call: one cached lookup, whatever the number of rules
                }

                foreach (var rule in role.Triggers)
                {
                    MarkTrigger(engine, rule);
                }

                if (role.Relevant)
                {
                    Interlocked.Exchange(ref relevant, 1);
                }
            }

            public void OnMemberReference(PathEngine engine, OperationAnalysisContext context)
            {
                var member = context.Operation switch
                {
                    IPropertyReferenceOperation p => (ISymbol)p.Property,
                    IFieldReferenceOperation f => f.Field,
                    IParameterReferenceOperation p => p.Parameter,
                    _ => null,
                };
                if (member is not null && engine.HasAnyRole(member, engine.memberRoles))
                {
                    Interlocked.Exchange(ref relevant, 1);
                }
            }

            public void MarkTrigger(PathEngine engine, int rule)
            {
                lock (gate)
                {
                    (triggers ??= new bool[engine.rules.Length])[rule] = true;
                }

                Interlocked.Exchange(ref relevant, 1);
            }
        }

        private sealed class Body
        {
            public Body(ISymbol owner, ControlFlowGraph graph, ImmutableArray<IOperation> roots, bool[]? triggers)
            {
                Owner = owner;
                Graph = graph;
                Roots = roots;
                Triggers = triggers;
            }

            public ISymbol Owner { get; }

            public ControlFlowGraph Graph { get; }

            public ImmutableArray<IOperation> Roots { get; }

            public bool[]? Triggers { get; }

            public bool HasTrigger(int rule) => Triggers is not null && Triggers[rule];

            private OriginalOperations? originals;

            public OriginalOperations Originals => originals ??= new OriginalOperations(Roots);
        }

        /// <summary>One body under check: scanned while its operations are analyzed, checked when the block ends.</summary>
        private sealed class BodyCheck
        {
            private readonly PathEngine engine;
            private readonly HashSet<SyntaxNode> reported = new HashSet<SyntaxNode>();
            private System.Action<Diagnostic> report = _ => { };
            private CancellationToken cancellationToken;

            public BodyCheck(PathEngine engine)
            {
                this.engine = engine;
            }

            public void OnBlockStart(OperationBlockStartAnalysisContext context)
            {
                var scan = new BlockScan();
                for (var i = 0; i < engine.rules.Length; i++)
                {
                    if (engine.rules[i].Kind == PathRuleKind.GuardedBody && engine.HasAnyRole(context.OwningSymbol, engine.rules[i].Trigger))
                    {
                        scan.MarkTrigger(engine, i);
                    }
                }

                context.RegisterOperationAction(c => scan.OnInvocation(engine, c), OperationKind.Invocation);
                if (!engine.memberRoles.IsEmpty)
                {
                    context.RegisterOperationAction(c => scan.OnMemberReference(engine, c),
                        OperationKind.PropertyReference, OperationKind.FieldReference, OperationKind.ParameterReference);
                }

                context.RegisterOperationBlockEndAction(end =>
                {
                    if (!scan.Relevant || scan.Triggers is not { } triggers)
                    {
                        return; // most bodies: no graph at all; a body with covers but no trigger is checked where it is called
                    }

                    report = end.ReportDiagnostic;
                    cancellationToken = end.CancellationToken;
                    foreach (var root in end.OperationBlocks)
                    {
                        // A method's block is its body (the graph is built for the root around it); attributes and
                        // parameter defaults have nothing to check.
                        if (root.Kind is OperationKind.Block or OperationKind.MethodBody or OperationKind.ConstructorBody
                            or OperationKind.FieldInitializer or OperationKind.PropertyInitializer)
                        {
                            Check(new Body(end.OwningSymbol, end.GetControlFlowGraph(root), end.OperationBlocks, triggers));
                        }
                    }
                });
            }

            private void Check(Body body)
            {
                for (var i = 0; i < engine.rules.Length; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!body.HasTrigger(i))
                    {
                        continue;
                    }

                    var rule = engine.rules[i];
                    if (rule.Kind == PathRuleKind.GuardedBody)
                    {
                        CheckBody(i, body);
                    }
                    else if (!rule.PassUp || !engine.HasAnyRole(body.Owner, rule.Trigger))
                    {
                        // A method that plays the trigger role itself passes the duty to its callers.
                        CheckCalls(i, body, body.Graph, body.Owner);
                    }
                }
            }

            /// <summary>
            /// What records something in a guarded body: a write to a field, property or element, or a call or creation
            /// that takes one of the method's parameters (<c>repository.Save(payment)</c>).
            /// </summary>
            private static System.Func<IOperation, bool> RecordsFor(IMethodSymbol method) => operation => operation switch
            {
                IAssignmentOperation { Target: IMemberReferenceOperation or IArrayElementReferenceOperation } => true,
                IIncrementOrDecrementOperation { Target: IMemberReferenceOperation or IArrayElementReferenceOperation } => true,
                IInvocationOperation invocation => TakesParameter(invocation.Instance, invocation.Arguments, method),
                IObjectCreationOperation creation => TakesParameter(null, creation.Arguments, method),
                _ => false,
            };

            private static bool TakesParameter(IOperation? instance, ImmutableArray<IArgumentOperation> arguments, IMethodSymbol method)
            {
                if (instance is not null && Calls.Unwrap(instance) is IParameterReferenceOperation { Parameter: var receiver }
                    && SymbolEqualityComparer.Default.Equals(receiver.ContainingSymbol, method))
                {
                    return true;
                }

                foreach (var argument in arguments)
                {
                    if (Calls.Unwrap(argument.Value) is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol, method))
                    {
                        return true;
                    }
                }

                return false;
            }

            private FlowPaths Paths(int ruleIndex, Body body, ControlFlowGraph graph, bool discardRejections, System.Func<IInvocationOperation, bool>? exclude = null,
                System.Func<IOperation, bool>? effect = null, int? depth = null, bool trustCoveringTries = false, IReadOnlyList<IOperation>? subjects = null)
            {
                var calls = depth ?? engine.sources.Depth;
                var rule = engine.rules[ruleIndex];
                var compared = !rule.CompareWith.IsEmpty && !rule.ComparedParameter.IsEmpty && body.Owner is IMethodSymbol owner
                    ? owner.Parameters.FirstOrDefault(p => engine.model.HasRole(p, rule.ComparedParameter))
                    : null;
                var conditions = rule.HasConditionChecks
                    ? new Conditions(engine.model, rule, body.Originals, graph, compared,
                        invocation => subjects is not null && GivenAnother(body, invocation, subjects) ? null : HelperCheck(ruleIndex, invocation, calls), subjects)
                    : null;
                System.Func<BasicBlock, bool?>? passing = conditions is null ? null : conditions.PassingOutcome;

                return new FlowPaths(graph, new FlowCovers(
                    invocation => (exclude is null || !exclude(invocation)) && Covers(ruleIndex, invocation, graph, body, calls)
                        && !(subjects is not null && GivenAnother(body, invocation, subjects)),
                    passing,
                    discardRejections,
                    effect,
                    trustCoveringTries));
            }

            /// <summary>GuardedBody: every path that completes the method passes a check.</summary>
            private void CheckBody(int ruleIndex, Body body)
            {
                if (body.Owner is not IMethodSymbol method || method.Locations.IsEmpty || !method.Locations[0].IsInSource)
                {
                    return;
                }

                if (Paths(ruleIndex, body, body.Graph, discardRejections: true, effect: RecordsFor(method), depth: 0).HasUncoveredEffectPath()
                    && Paths(ruleIndex, body, body.Graph, discardRejections: true, effect: RecordsFor(method)).UncoveredEffect() is { } effect)
                {
                    // The evidence: what the method does on a path without the check (the attestation it records).
                    var rule = engine.rules[ruleIndex];
                    var compared = method.Parameters.FirstOrDefault(p => engine.model.HasRole(p, rule.ComparedParameter))?.Name
                        ?? "the " + string.Join(" or ", engine.model.Roles.Names(rule.ComparedParameter.IsEmpty ? rule.CompareWith : rule.ComparedParameter));
                    var evidence = effect.Syntax.SyntaxTree == method.Locations[0].SourceTree ? new[] { effect.Syntax.GetLocation() } : null;
                    report(rule.Rule.Create(method.Locations[0], evidence, null, SymbolText.Member(method), compared));
                }
            }

            private void CheckCalls(int ruleIndex, Body body, ControlFlowGraph graph, ISymbol owner)
            {
                var rule = engine.rules[ruleIndex];

                // Most triggers are covered in their own body: summaries of the calls it makes are worked out only when not.
                var paths = Paths(ruleIndex, body, graph, discardRejections: false, depth: 0);
                if (AnyUncovered(rule, paths))
                {
                    paths = Paths(ruleIndex, body, graph, discardRejections: false);
                }

                Dictionary<string, FlowPaths>? filtered = null; // by the set of cover calls left out
                FlowPaths? trusting = null;
                List<IOperation>? statusRoots = null; // the variables whose status the body reads
                foreach (var site in paths.Sites)
                {
                    if (!engine.HasAnyRole(site.Invocation.TargetMethod, rule.Trigger) || reported.Contains(site.Invocation.Syntax))
                    {
                        continue;
                    }

                    bool uncovered;
                    var decided = paths; // the paths whose answer stands: evidence comes from them
                    if (rule.Kind == PathRuleKind.GuardBefore)
                    {
                        uncovered = paths.ReachableUncovered(site);
                        if (!uncovered && (!rule.Status.IsEmpty || !rule.Cover.IsEmpty) && Subjects(body, site) is { } subjects
                            && StatusOfAnother(rule, body, subjects, ref statusRoots))
                        {
                            // A status of another object guards nothing here: look again with only the call's own objects.
                            var key = "subjects:" + string.Join(",", subjects.Select(a => a.Syntax.ToString()));
                            filtered ??= new Dictionary<string, FlowPaths>();
                            if (!filtered.TryGetValue(key, out var own))
                            {
                                own = Paths(ruleIndex, body, graph, false, subjects: subjects);
                                filtered.Add(key, own);
                            }

                            uncovered = own.ReachableUncovered(own.Sites[IndexOf(paths, site)]);
                            decided = own;
                        }

                        if (uncovered && !rule.Status.IsEmpty || uncovered && rule.CheckedResult)
                        {
                            uncovered = !FilteredBefore(ruleIndex, body, graph, site, owner);
                        }
                    }
                    else
                    {
                        uncovered = paths.HasUncoveredPathThrough(site);
                        if (!uncovered && !rule.Match.IsEmpty && Mismatches(rule, paths, site, body) is { } mismatched)
                        {
                            // Cover calls about another value do not count for this trigger: look again without them.
                            var key = string.Join(",", mismatched.Select(n => n.SpanStart).OrderBy(n => n));
                            filtered ??= new Dictionary<string, FlowPaths>();
                            if (!filtered.TryGetValue(key, out var matching))
                            {
                                matching = Paths(ruleIndex, body, graph, false, invocation => mismatched.Contains(invocation.Syntax));
                                filtered.Add(key, matching);
                            }

                            uncovered = matching.HasUncoveredPathThrough(matching.Sites[IndexOf(paths, site)])
                                && !(rule.MismatchReportedElsewhere && AllReportedAsMismatched(rule, paths, body, mismatched));
                            decided = matching;
                        }

                        if (uncovered && rule.SwallowReportedElsewhere && !InHandler(site.Block) && HasCoveringTry(graph))
                        {
                            // Uncovered only through the catch of a try that covers: the swallowed failure is the finding.
                            trusting ??= Paths(ruleIndex, body, graph, false, trustCoveringTries: true);
                            uncovered = trusting.HasUncoveredPathThrough(trusting.Sites[IndexOf(paths, site)]);
                            decided = trusting;
                        }
                    }

                    if (uncovered && reported.Add(site.Invocation.Syntax))
                    {
                        var gaps = Gaps(paths);
                        var evidence = Evidence(rule, decided, decided.Sites[IndexOf(decided, site)], gaps);
                        report(rule.Rule.Create(site.Invocation.Syntax.GetLocation(), gaps.Select(g => g.Syntax.GetLocation()).Concat(evidence),
                            gaps.Count == 0 ? null : ImmutableDictionary<string, string?>.Empty.Add(CoverageGapProperty, string.Join(", ", gaps.Select(g => SymbolText.Member(g.TargetMethod)).Distinct())),
                            SymbolText.Member(site.Invocation.TargetMethod), SymbolText.Member(owner), CoverText(rule)));
                    }
                }

                foreach (var local in graph.LocalFunctions)
                {
                    if (!engine.HasAnyRole(local, rule.Trigger))
                    {
                        CheckCalls(ruleIndex, body, graph.GetLocalFunctionControlFlowGraph(local, cancellationToken), local);
                    }
                }

                foreach (var lambda in Lambdas(graph))
                {
                    CheckCalls(ruleIndex, body, graph.GetAnonymousFunctionControlFlowGraph(lambda, cancellationToken), lambda.Symbol);
                }
            }

            /// <summary>
            /// The calls of a body whose method the analysis cannot choose (a virtual or interface method with several
            /// implementations in source, or none): they might cover, so a finding names them as its coverage gaps.
            /// </summary>
            private List<IInvocationOperation> Gaps(FlowPaths paths)
            {
                var gaps = new List<IInvocationOperation>();
                foreach (var site in paths.Sites)
                {
                    if (engine.sources.IsGap(site.Invocation.TargetMethod)
                        && !engine.model.Meaning(site.Invocation.TargetMethod).Roles.Overlaps(engine.callRoles))
                    {
                        gaps.Add(site.Invocation);
                    }
                }

                return gaps;
            }

            /// <summary>
            /// Where a finding shows why, after its coverage gaps: on one path that leaves the cover out, the branch
            /// that decides it (a check that fails, or a condition whose other side covers), the calls of this
            /// compilation's methods on it that were followed and did not cover (the helper that was not enough), and,
            /// for a duty after the trigger, the statement by which the path leaves.
            /// </summary>
            private List<Location> Evidence(PathRule rule, FlowPaths paths, FlowSite site, List<IInvocationOperation> gaps)
            {
                var locations = new List<Location>();
                var guard = rule.Kind == PathRuleKind.GuardBefore;

                // A guard is missing on a path from the entry to the trigger; a duty on every path, on a path through it.
                var before = paths.UncoveredPath(site, fromEntry: true);
                var after = guard ? new List<BasicBlock>() : paths.UncoveredPath(site, fromEntry: false);
                if (before.Count == 0 && after.Count == 0)
                {
                    return locations;
                }

                var trigger = site.Invocation.Syntax;
                void Add(SyntaxNode? node)
                {
                    if (node is not null && !node.Span.IntersectsWith(trigger.Span) && !locations.Any(l => l.SourceSpan == node.Span)
                        && !gaps.Any(g => g.Syntax == node) && node.SyntaxTree == trigger.SyntaxTree)
                    {
                        locations.Add(node.GetLocation());
                    }
                }

                Add((paths.DecidingBranch(before, fromEntry: true) ?? paths.DecidingBranch(after, fromEntry: false))?.Syntax);

                var helpers = 0;
                var beforeBlocks = new HashSet<BasicBlock>(before);
                var afterBlocks = new HashSet<BasicBlock>(after);
                foreach (var other in paths.Sites)
                {
                    var isBefore = beforeBlocks.Contains(other.Block) && (other.Block != site.Block || other.Order < site.Order);
                    var isAfter = afterBlocks.Contains(other.Block) && (other.Block != site.Block || other.Order > site.Order);
                    if (helpers == 2 || !isBefore && !isAfter)
                    {
                        continue;
                    }

                    // A cover that did not count here (its result unused, about another value), or a helper of this
                    // compilation that could cover but does not on every path.
                    var target = (other.Invocation.TargetMethod.ReducedFrom ?? other.Invocation.TargetMethod).OriginalDefinition;
                    if (gaps.Contains(other.Invocation) || engine.HasAnyRole(target, rule.Trigger))
                    {
                        continue;
                    }

                    if (engine.HasAnyRole(target, rule.Cover)
                        || engine.sources.Resolve(target, cancellationToken).Body is { } helper && engine.MayCover(helper, engine.sources.Depth, cancellationToken))
                    {
                        Add(other.Invocation.Syntax);
                        helpers++;
                    }
                }

                if (after.Count >= 2 && after[after.Count - 2] is { } last && last != site.Block)
                {
                    // The last block before the exit: a return's value (`return person;`), or its last statement.
                    var leaving = last.BranchValue?.Syntax ?? (last.Operations.Length > 0 ? last.Operations[last.Operations.Length - 1].Syntax : null);
                    Add(leaving?.FirstAncestorOrSelf<Microsoft.CodeAnalysis.CSharp.Syntax.StatementSyntax>() ?? leaving);
                }

                return locations;
            }

            private string CoverText(PathRule rule) => string.Join(", ", engine.model.Roles.Names(rule.Cover.Union(rule.Status)));

            /// <summary>
            /// Whether the body reads a status of a variable that is provably not one of <paramref name="subjects"/> but
            /// of the same type (another payment): only then is the call looked at again with its own objects.
            /// </summary>
            private bool StatusOfAnother(PathRule rule, Body body, IReadOnlyList<IOperation> subjects, ref List<IOperation>? roots)
            {
                if (roots is null)
                {
                    roots = new List<IOperation>();
                    foreach (var root in body.Roots)
                    {
                        foreach (var operation in root.Descendants())
                        {
                            if (operation is IMemberReferenceOperation { Instance: { } instance } member && DataReads.Member(member) is { } symbol
                                && engine.model.HasRole(symbol, rule.Status) && Conditions.Root(instance) is { } variable)
                            {
                                roots.Add(variable);
                            }
                            else if (operation is IInvocationOperation call && !engine.HasAnyRole(call.TargetMethod, rule.Trigger)
                                && (engine.HasAnyRole(call.TargetMethod, rule.Cover) || engine.sources.IsInSource(call.TargetMethod)))
                            {
                                // A cover or a helper of this compilation given an object: it may guard that object only.
                                foreach (var argument in call.Arguments)
                                {
                                    if (Conditions.Root(argument.Value) is { } given)
                                    {
                                        roots.Add(given);
                                    }
                                }

                                if (call.Instance is { } receiver && Conditions.Root(receiver) is { } self)
                                {
                                    roots.Add(self);
                                }
                            }
                        }
                    }
                }

                foreach (var root in roots)
                {
                    if (Conditions.IsAnother(root, subjects))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool GivenAnother(Body body, IInvocationOperation invocation, IReadOnlyList<IOperation> subjects)
                => Conditions.GivenAnother(body.Originals.FindCall(invocation.Syntax) ?? invocation, subjects);

            /// <summary>The values a trigger call is given (its arguments, as the compiler built them); null when none.</summary>
            private static IReadOnlyList<IOperation>? Subjects(Body body, FlowSite site)
            {
                if (body.Originals.FindCall(site.Invocation.Syntax) is not { } call || call.Arguments.IsEmpty)
                {
                    return null;
                }

                return call.Arguments.Select(a => a.Value).ToList();
            }

            /// <summary>
            /// Whether what the trigger is given was filtered by a check first: the element of a <c>Where(p =&gt; check)</c>
            /// that the next step pays or decides (<c>all.Where(p =&gt; p.IsAttested).ToList().ForEach(p =&gt; Pay(p))</c>,
            /// <c>.Select(...)</c>), or the variable of a <c>foreach</c> over such a sequence.
            /// </summary>
            private bool FilteredBefore(int ruleIndex, Body body, ControlFlowGraph graph, FlowSite site, ISymbol owner)
            {
                if (Subjects(body, site) is not { } subjects)
                {
                    return false;
                }

                foreach (var subject in subjects)
                {
                    IOperation? sequence = null;
                    switch (Calls.Unwrap(subject))
                    {
                        case IParameterReferenceOperation { Parameter.ContainingSymbol: IMethodSymbol { MethodKind: MethodKind.AnonymousFunction } lambda }
                            when SymbolEqualityComparer.Default.Equals(lambda, owner):
                            // The lambda's own parameter: the sequence is what the call that takes the lambda runs over.
                            IOperation? taker = body.Originals.FindCall(site.Invocation.Syntax);
                            while (taker is not null && !(taker is IAnonymousFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, lambda)))
                            {
                                taker = taker.Parent;
                            }

                            taker = taker?.Parent;
                            while (taker is IDelegateCreationOperation or IConversionOperation or IArgumentOperation)
                            {
                                taker = taker.Parent;
                            }

                            if (taker is IInvocationOperation step)
                            {
                                sequence = step.Instance ?? (step.TargetMethod.IsExtensionMethod && step.Arguments.Length > 0 ? step.Arguments[0].Value : null);
                            }

                            break;
                        case ILocalReferenceOperation local:
                            for (var parent = body.Originals.FindCall(site.Invocation.Syntax)?.Parent; parent is not null; parent = parent.Parent)
                            {
                                if (parent is IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation declarator } loop
                                    && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local.Local))
                                {
                                    sequence = loop.Collection;
                                    break;
                                }
                            }

                            break;
                    }

                    if (sequence is not null && FilteredSequence(ruleIndex, body, graph, sequence))
                    {
                        return true;
                    }
                }

                return false;
            }

            private static readonly HashSet<string> OrderAndShape = new HashSet<string>(System.StringComparer.Ordinal)
            {
                "ToList", "ToArray", "AsEnumerable", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "Take", "Skip",
                "Distinct", "Reverse", "ToHashSet", "AsParallel", "AsReadOnly", "Concat",
            };

            /// <summary>Whether a sequence is, up to ordering and copying, a <c>Where</c> whose predicate passes a check exactly when true.</summary>
            private bool FilteredSequence(int ruleIndex, Body body, ControlFlowGraph graph, IOperation sequence)
            {
                var conditions = new Conditions(engine.model, engine.rules[ruleIndex], body.Originals, graph, null,
                    invocation => HelperCheck(ruleIndex, invocation, engine.sources.Depth));
                for (var depth = 0; depth < 8 && Calls.Unwrap(sequence) is IInvocationOperation step; depth++)
                {
                    var source = step.Instance ?? (step.TargetMethod.IsExtensionMethod && step.Arguments.Length > 0 ? step.Arguments[0].Value : null);
                    if (step.TargetMethod.Name == "Where" && step.Arguments.Length >= 1
                        && Calls.Unwrap(step.Arguments[step.Arguments.Length - 1].Value) is IDelegateCreationOperation { Target: IAnonymousFunctionOperation predicate }
                        && predicate.Body.Operations.Length == 1 && predicate.Body.Operations[0] is IReturnOperation { ReturnedValue: { } test }
                        && conditions.ValueOutcome(test) == true)
                    {
                        return true;
                    }

                    if (source is null || step.TargetMethod.Name != "Where" && !OrderAndShape.Contains(step.TargetMethod.Name))
                    {
                        return false;
                    }

                    sequence = source;
                }

                return false;
            }

            /// <summary>Whether some trigger of the graph is uncovered on these paths.</summary>
            private bool AnyUncovered(PathRule rule, FlowPaths paths)
            {
                foreach (var site in paths.Sites)
                {
                    if (engine.HasAnyRole(site.Invocation.TargetMethod, rule.Trigger)
                        && (rule.Kind == PathRuleKind.GuardBefore ? paths.ReachableUncovered(site) : paths.HasUncoveredPathThrough(site)))
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>Whether every cover left out is provably about another value than every trigger of the graph: the coverMatches rule reports each of them.</summary>
            private bool AllReportedAsMismatched(PathRule rule, FlowPaths paths, Body body, HashSet<SyntaxNode> mismatched)
            {
                var model = engine.model;
                foreach (var cover in paths.Sites)
                {
                    if (!mismatched.Contains(cover.Invocation.Syntax) || body.Originals.FindCall(cover.Invocation.Syntax) is not { } original
                        || Calls.ValueFor(original, rule.Match, model) is not { } given)
                    {
                        continue;
                    }

                    foreach (var trigger in paths.Sites)
                    {
                        if (engine.HasAnyRole(trigger.Invocation.TargetMethod, rule.Trigger)
                            && body.Originals.FindCall(trigger.Invocation.Syntax) is { } triggerCall
                            && Calls.ValueFor(triggerCall, rule.Match, model) is { } wanted
                            && ValueIdentity.Compare(given, wanted) != Sameness.Different)
                        {
                            return false; // this cover is about another trigger of the body: the missing cover is this rule's finding
                        }
                    }
                }

                return true;
            }

            /// <summary>Whether a block runs in a catch or filter: a trigger there comes after the failure and is no swallowing's.</summary>
            private static bool InHandler(BasicBlock block)
            {
                for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
                {
                    if (region.Kind is ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Filter)
                    {
                        return true;
                    }
                }

                return false;
            }

            private static bool HasCoveringTry(ControlFlowGraph graph)
            {
                foreach (var block in graph.Blocks)
                {
                    if (block.EnclosingRegion is { Kind: ControlFlowRegionKind.Catch or ControlFlowRegionKind.FilterAndHandler or ControlFlowRegionKind.Filter })
                    {
                        return true;
                    }
                }

                return false;
            }

            /// <summary>The cover calls whose matching argument is provably another value than the trigger's; null when none.</summary>
            private HashSet<SyntaxNode>? Mismatches(PathRule rule, FlowPaths paths, FlowSite trigger, Body body)
            {
                var model = engine.model;
                if (body.Originals.FindCall(trigger.Invocation.Syntax) is not { } original
                    || Calls.ValueFor(original, rule.Match, model) is not { } wanted)
                {
                    return null;
                }

                HashSet<SyntaxNode>? mismatched = null;
                foreach (var site in paths.Sites)
                {
                    if (engine.HasAnyRole(site.Invocation.TargetMethod, rule.Cover)
                        && body.Originals.FindCall(site.Invocation.Syntax) is { } cover
                        && Calls.ValueFor(cover, rule.Match, model) is { } given
                        && ValueIdentity.Compare(given, wanted) == Sameness.Different)
                    {
                        (mismatched ??= new HashSet<SyntaxNode>()).Add(site.Invocation.Syntax);
                    }
                }

                return mismatched;
            }

            private static int IndexOf(FlowPaths paths, FlowSite site)
            {
                for (var i = 0; i < paths.Sites.Count; i++)
                {
                    if (paths.Sites[i].Invocation.Syntax == site.Invocation.Syntax)
                    {
                        return i;
                    }
                }

                return -1;
            }

            /// <summary>
            /// A cover call (a bool-returning one only when the rule lets an unchecked result count), or a call whose
            /// body covers every normal path through it: a local function, or a method of the compilation that the call
            /// runs (<see cref="SourceBodies.Resolve"/>), within <paramref name="depth"/> calls.
            /// </summary>
            private bool Covers(int ruleIndex, IInvocationOperation invocation, ControlFlowGraph graph, Body body, int depth)
            {
                var rule = engine.rules[ruleIndex];
                var target = invocation.TargetMethod;
                if (engine.HasAnyRole(target, rule.Cover))
                {
                    return !(rule.CheckedResult && Conditions.ReturnsBool(target));
                }

                if (depth <= 0 || rule.CheckedResult && Conditions.ReturnsBool(target))
                {
                    return false; // a bool helper checks through its result, where the caller tests it
                }

                if (target.MethodKind == MethodKind.LocalFunction)
                {
                    var local = target.OriginalDefinition;
                    return engine.summaries.TryGetValue((ruleIndex, local, depth), out var known)
                        ? known
                        : engine.summaries.GetOrAdd((ruleIndex, local, depth),
                            LocalGraph(graph, local, cancellationToken) is { } localGraph && Paths(ruleIndex, body, localGraph, false, depth: depth - 1).CoversEveryPath());
                }

                var callee = engine.sources.Resolve(target, cancellationToken).Body;
                return callee is not null && Summary(ruleIndex, callee, depth - 1);
            }

            /// <summary>
            /// For a call to a bool method of the compilation (or a <c>Task&lt;bool&gt;</c> one): the value of its result that
            /// means a check passed inside it, on every path that returns that value — <c>CanRelease(p) =&gt; p.IsAttested
            /// &amp;&amp; p.Amount &lt; limit</c> passes when true — or null when it is no check. Once per method, rule and depth.
            /// </summary>
            private bool? HelperCheck(int ruleIndex, IInvocationOperation invocation, int depth)
            {
                var target = invocation.TargetMethod;
                if (depth <= 0 || !Conditions.ReturnsBool(target) || engine.HasAnyRole(target, engine.rules[ruleIndex].Cover))
                {
                    return null;
                }

                if (engine.sources.Resolve(target, cancellationToken).Body is not { } callee)
                {
                    return null;
                }

                var key = (ruleIndex, callee.Method, depth);
                if (engine.checks.TryGetValue(key, out var known))
                {
                    return known;
                }

                bool? outcome = null;
                if (engine.MayCover(callee, depth - 1, cancellationToken) && callee.Graph is { } calleeGraph)
                {
                    var body = new Body(callee.Method, calleeGraph, callee.Roots, null);
                    var rule = engine.rules[ruleIndex];
                    var conditions = new Conditions(engine.model, rule, body.Originals, calleeGraph, null, inner => HelperCheck(ruleIndex, inner, depth - 1));
                    var paths = Paths(ruleIndex, body, calleeGraph, false, depth: depth - 1);
                    outcome = ReturnedCheck(calleeGraph, conditions, paths, true) ? true
                        : ReturnedCheck(calleeGraph, conditions, paths, false) ? false
                        : null;
                }

                return engine.checks.GetOrAdd(key, outcome);
            }

            /// <summary>
            /// Whether every <c>return</c> of the graph gives <paramref name="passing"/> only where a check passed: it
            /// returns the other constant, a value that passes exactly then, or anything on a path already covered.
            /// </summary>
            private static bool ReturnedCheck(ControlFlowGraph graph, Conditions conditions, FlowPaths paths, bool passing)
            {
                var any = false;
                foreach (var block in graph.Blocks)
                {
                    if (block.FallThroughSuccessor is not { Semantics: ControlFlowBranchSemantics.Return } || block.BranchValue is not { } value)
                    {
                        continue;
                    }

                    var returned = Calls.Unwrap(value);
                    if (returned.ConstantValue is { HasValue: true, Value: bool constant })
                    {
                        if (constant == passing && !paths.Covered(block))
                        {
                            return false;
                        }

                        continue;
                    }

                    if (conditions.ValueOutcome(value) != passing && !paths.Covered(block))
                    {
                        return false;
                    }

                    any = true;
                }

                return any;
            }

            /// <summary>Whether every normal path through <paramref name="callee"/> covers, looking <paramref name="depth"/> calls further; once per method, rule and depth.</summary>
            private bool Summary(int ruleIndex, SourceBody callee, int depth)
            {
                var key = (ruleIndex, callee.Method, depth);
                if (engine.summaries.TryGetValue(key, out var covers))
                {
                    return covers;
                }

                // The depth falls with every call, so a recursive helper ends at the bound instead of looping.
                covers = engine.MayCover(callee, depth, cancellationToken) && callee.Graph is { } calleeGraph
                    && Paths(ruleIndex, new Body(callee.Method, calleeGraph, callee.Roots, null), calleeGraph, false, depth: depth).CoversEveryPath();
                return engine.summaries.GetOrAdd(key, covers);
            }

            private static ControlFlowGraph? LocalGraph(ControlFlowGraph graph, IMethodSymbol local, CancellationToken cancellationToken)
            {
                // A local function is declared in this graph or in one around it.
                for (var g = graph; g is not null; g = g.Parent)
                {
                    foreach (var candidate in g.LocalFunctions)
                    {
                        if (SymbolEqualityComparer.Default.Equals(candidate, local.OriginalDefinition))
                        {
                            return g.GetLocalFunctionControlFlowGraph(candidate, cancellationToken);
                        }
                    }
                }

                return null;
            }

            private static IEnumerable<IFlowAnonymousFunctionOperation> Lambdas(ControlFlowGraph graph)
            {
                foreach (var block in graph.Blocks)
                {
                    foreach (var operation in block.Operations)
                    {
                        foreach (var lambda in LambdasIn(operation))
                        {
                            yield return lambda;
                        }
                    }

                    if (block.BranchValue is { } value)
                    {
                        foreach (var lambda in LambdasIn(value))
                        {
                            yield return lambda;
                        }
                    }
                }
            }

            private static IEnumerable<IFlowAnonymousFunctionOperation> LambdasIn(IOperation operation)
            {
                if (operation is IFlowAnonymousFunctionOperation self)
                {
                    yield return self;
                    yield break;
                }

                foreach (var child in operation.ChildOperations)
                {
                    foreach (var lambda in LambdasIn(child))
                    {
                        yield return lambda;
                    }
                }
            }
        }
    }
}
