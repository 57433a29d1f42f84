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
    /// The engine of the path rule kinds (<see cref="PathRuleKind"/>). Per type: bodies that contain something a rule
    /// cares about (a trigger, a cover call, a read of a status or compared member) keep their control-flow graph until
    /// the type is complete; then each rule checks its triggers on their body's graph. Calls to local functions and
    /// non-virtual methods of the same type (also in other partial files) cover when their own graph is covered on every
    /// path (a summary, computed once per rule). Lambdas and local functions are bodies of their own. Most bodies have
    /// nothing relevant and get no graph at all.
    /// </summary>
    internal sealed class PathEngine
    {
        private readonly CaseModel model;
        private readonly ImmutableArray<PathRule> rules;
        private readonly RoleSet memberRoles;
        private readonly RoleSet callRoles;

        public PathEngine(CaseModel model, ImmutableArray<PathRule> rules)
        {
            this.model = model;
            this.rules = rules;
            foreach (var rule in rules)
            {
                memberRoles = memberRoles.Union(rule.Status).Union(rule.CompareWith);
                callRoles = callRoles.Union(rule.Trigger).Union(rule.Cover).Union(rule.Status);
            }
        }

        public void OnTypeStart(SymbolStartAnalysisContext context)
        {
            var state = new TypeState(this, (INamedTypeSymbol)context.Symbol);
            context.RegisterOperationBlockStartAction(state.OnBlockStart);
            context.RegisterSymbolEndAction(state.OnTypeEnd);
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

        /// <summary>
        /// The meaning of a tested check result, from where the guarded calls are: when only one branch of the test
        /// can reach a trigger, that branch is the one where the check passed (<c>if (HasConflict(...)) return;</c> and
        /// <c>if (!IsImpartial(...)) return;</c> both guard). Otherwise true means passed.
        /// </summary>
        private sealed class Polarity
        {
            private readonly PathEngine engine;
            private readonly PathRule rule;
            private readonly ControlFlowGraph graph;
            private readonly Conditions conditions;
            private bool[]? triggerBlocks;

            public Polarity(PathEngine engine, PathRule rule, ControlFlowGraph graph, Conditions conditions)
            {
                this.engine = engine;
                this.rule = rule;
                this.graph = graph;
                this.conditions = conditions;
            }

            public bool? PassingOutcome(BasicBlock block)
            {
                var outcome = conditions.PassingOutcome(block);
                if (outcome is null || !conditions.TestsCheckCall(block))
                {
                    return outcome;
                }

                var whenTrue = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? block.ConditionalSuccessor : block.FallThroughSuccessor;
                var whenFalse = block.ConditionKind == ControlFlowConditionKind.WhenTrue ? block.FallThroughSuccessor : block.ConditionalSuccessor;
                // All in terms of the condition's value (a negation is part of the condition).
                var trueReaches = Reaches(whenTrue?.Destination, block, exit: false);
                var falseReaches = Reaches(whenFalse?.Destination, block, exit: false);
                if (trueReaches != falseReaches)
                {
                    return trueReaches;
                }

                // No guarded call either way (a helper): the branch that can still complete normally is the passing one.
                var trueCompletes = Reaches(whenTrue?.Destination, block, exit: true);
                var falseCompletes = Reaches(whenFalse?.Destination, block, exit: true);
                return trueCompletes != falseCompletes ? trueCompletes : outcome;
            }

            /// <summary>Whether a trigger (or, with <paramref name="exit"/>, the normal exit) is reachable from <paramref name="start"/> without passing the check again.</summary>
            private bool Reaches(BasicBlock? start, BasicBlock check, bool exit)
            {
                if (start is null)
                {
                    return false;
                }

                triggerBlocks ??= FindTriggerBlocks();
                var visited = new bool[graph.Blocks.Length];
                visited[check.Ordinal] = true;
                var stack = new Stack<BasicBlock>();
                visited[start.Ordinal] = true;
                stack.Push(start);
                while (stack.Count > 0)
                {
                    var block = stack.Pop();
                    if (exit ? block.Kind == BasicBlockKind.Exit : triggerBlocks[block.Ordinal])
                    {
                        return true;
                    }

                    foreach (var branch in new[] { block.ConditionalSuccessor, block.FallThroughSuccessor })
                    {
                        if (branch?.Destination is { } next && !visited[next.Ordinal]
                            && branch.Semantics is ControlFlowBranchSemantics.Regular or ControlFlowBranchSemantics.Return)
                        {
                            visited[next.Ordinal] = true;
                            stack.Push(next);
                        }
                    }
                }

                return false;
            }

            private bool[] FindTriggerBlocks()
            {
                var found = new bool[graph.Blocks.Length];
                foreach (var block in graph.Blocks)
                {
                    foreach (var operation in block.Operations)
                    {
                        found[block.Ordinal] |= HasTrigger(operation);
                    }

                    if (block.BranchValue is { } value)
                    {
                        found[block.Ordinal] |= HasTrigger(value);
                    }
                }

                return found;
            }

            private bool HasTrigger(IOperation operation)
            {
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    if (descendant is IInvocationOperation invocation && engine.HasAnyRole(invocation.TargetMethod, rule.Trigger))
                    {
                        return true;
                    }
                }

                return false;
            }
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

        /// <summary>The bodies of one type, collected while its blocks are analyzed and checked when the type ends.</summary>
        private sealed class TypeState
        {
            private readonly PathEngine engine;
            private readonly INamedTypeSymbol type;
            private readonly ConcurrentBag<Body> bodies = new ConcurrentBag<Body>();
            private readonly Dictionary<IMethodSymbol, Body> byMethod = new Dictionary<IMethodSymbol, Body>(SymbolEqualityComparer.Default);
            private readonly Dictionary<(int Rule, IMethodSymbol Method), bool> summaries = new Dictionary<(int, IMethodSymbol), bool>();
            private readonly HashSet<SyntaxNode> reported = new HashSet<SyntaxNode>();

            public TypeState(PathEngine engine, INamedTypeSymbol type)
            {
                this.engine = engine;
                this.type = type;
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
                    if (!scan.Relevant)
                    {
                        return; // most bodies: no graph at all
                    }

                    foreach (var root in end.OperationBlocks)
                    {
                        // A method's block is its body (the graph is built for the root around it); attributes and
                        // parameter defaults have nothing to check.
                        if (root.Kind is OperationKind.Block or OperationKind.MethodBody or OperationKind.ConstructorBody
                            or OperationKind.FieldInitializer or OperationKind.PropertyInitializer)
                        {
                            bodies.Add(new Body(end.OwningSymbol, end.GetControlFlowGraph(root), end.OperationBlocks, scan.Triggers));
                        }
                    }
                });
            }

            public void OnTypeEnd(SymbolAnalysisContext context)
            {
                foreach (var body in bodies)
                {
                    if (body.Owner is IMethodSymbol method && !byMethod.ContainsKey(method))
                    {
                        byMethod.Add(method, body);
                    }
                }

                for (var i = 0; i < engine.rules.Length; i++)
                {
                    foreach (var body in bodies)
                    {
                        context.CancellationToken.ThrowIfCancellationRequested();
                        if (!body.HasTrigger(i))
                        {
                            continue;
                        }

                        var rule = engine.rules[i];
                        if (rule.Kind == PathRuleKind.GuardedBody)
                        {
                            CheckBody(context, i, body);
                        }
                        else if (!rule.PassUp || !engine.HasAnyRole(body.Owner, rule.Trigger))
                        {
                            // A method that plays the trigger role itself passes the duty to its callers.
                            CheckCalls(context, i, body, body.Graph, body.Owner);
                        }
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
                System.Func<IOperation, bool>? effect = null)
            {
                var rule = engine.rules[ruleIndex];
                var compared = !rule.CompareWith.IsEmpty && !rule.ComparedParameter.IsEmpty && body.Owner is IMethodSymbol owner
                    ? owner.Parameters.FirstOrDefault(p => engine.model.HasRole(p, rule.ComparedParameter))
                    : null;
                var conditions = rule.HasConditionChecks ? new Conditions(engine.model, rule, body.Originals, graph, compared) : null;
                var token = CancellationToken.None;
                System.Func<BasicBlock, bool?>? passing = null;
                if (conditions is not null)
                {
                    passing = rule.Kind == PathRuleKind.GuardBefore ? new Polarity(engine, rule, graph, conditions).PassingOutcome : conditions.PassingOutcome;
                }

                return new FlowPaths(graph, new FlowCovers(
                    invocation => (exclude is null || !exclude(invocation)) && Covers(ruleIndex, invocation, graph, token),
                    passing,
                    discardRejections,
                    effect));
            }

            /// <summary>GuardedBody: every path that completes the method passes a check.</summary>
            private void CheckBody(SymbolAnalysisContext context, int ruleIndex, Body body)
            {
                if (body.Owner is not IMethodSymbol method || method.Locations.IsEmpty || !method.Locations[0].IsInSource)
                {
                    return;
                }

                if (Paths(ruleIndex, body, body.Graph, discardRejections: true, effect: RecordsFor(method)).HasUncoveredEffectPath())
                {
                    var rule = engine.rules[ruleIndex];
                    var compared = method.Parameters.FirstOrDefault(p => engine.model.HasRole(p, rule.ComparedParameter))?.Name
                        ?? "the " + string.Join(" or ", engine.model.Roles.Names(rule.ComparedParameter.IsEmpty ? rule.CompareWith : rule.ComparedParameter));
                    context.ReportDiagnostic(rule.Rule.Create(method.Locations[0], SymbolText.Member(method), compared));
                }
            }

            private void CheckCalls(SymbolAnalysisContext context, int ruleIndex, Body body, ControlFlowGraph graph, ISymbol owner)
            {
                var rule = engine.rules[ruleIndex];
                var paths = Paths(ruleIndex, body, graph, discardRejections: false);
                Dictionary<string, FlowPaths>? filtered = null; // by the set of cover calls left out
                foreach (var site in paths.Sites)
                {
                    if (!engine.HasAnyRole(site.Invocation.TargetMethod, rule.Trigger) || reported.Contains(site.Invocation.Syntax))
                    {
                        continue;
                    }

                    bool uncovered;
                    if (rule.Kind == PathRuleKind.GuardBefore)
                    {
                        uncovered = paths.ReachableUncovered(site);
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

                            uncovered = matching.HasUncoveredPathThrough(matching.Sites[IndexOf(paths, site)]);
                        }
                    }

                    if (uncovered && reported.Add(site.Invocation.Syntax))
                    {
                        context.ReportDiagnostic(rule.Rule.Create(site.Invocation.Syntax.GetLocation(),
                            SymbolText.Member(site.Invocation.TargetMethod), SymbolText.Member(owner), CoverText(rule)));
                    }
                }

                foreach (var local in graph.LocalFunctions)
                {
                    if (!engine.HasAnyRole(local, rule.Trigger))
                    {
                        CheckCalls(context, ruleIndex, body, graph.GetLocalFunctionControlFlowGraph(local, context.CancellationToken), local);
                    }
                }

                foreach (var lambda in Lambdas(graph))
                {
                    CheckCalls(context, ruleIndex, body, graph.GetAnonymousFunctionControlFlowGraph(lambda, context.CancellationToken), lambda.Symbol);
                }
            }

            private string CoverText(PathRule rule) => string.Join(", ", engine.model.Roles.Names(rule.Cover.Union(rule.Status)));

            /// <summary>The cover calls whose matching argument is provably another value than the trigger's; null when none.</summary>
            private HashSet<SyntaxNode>? Mismatches(PathRule rule, FlowPaths paths, FlowSite trigger, Body body)
            {
                var model = engine.model;
                if (body.Originals.Find(trigger.Invocation.Syntax) is not IInvocationOperation original
                    || Calls.ArgumentFor(original, rule.Match, model) is not { } wanted)
                {
                    return null;
                }

                HashSet<SyntaxNode>? mismatched = null;
                foreach (var site in paths.Sites)
                {
                    if (engine.HasAnyRole(site.Invocation.TargetMethod, rule.Cover)
                        && body.Originals.Find(site.Invocation.Syntax) is IInvocationOperation cover
                        && Calls.ArgumentFor(cover, rule.Match, model) is { } given
                        && ValueIdentity.Compare(given.Value, wanted.Value) == Sameness.Different)
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
            /// A cover call (a bool-returning one only when the rule lets an unchecked result count), or a call to a
            /// local function or non-virtual method of the same type whose every path is covered.
            /// </summary>
            private bool Covers(int ruleIndex, IInvocationOperation invocation, ControlFlowGraph graph, CancellationToken cancellationToken)
            {
                var rule = engine.rules[ruleIndex];
                var target = invocation.TargetMethod;
                if (engine.HasAnyRole(target, rule.Cover))
                {
                    return !(rule.CheckedResult && Conditions.ReturnsBool(target));
                }

                if (target.MethodKind == MethodKind.LocalFunction)
                {
                    return Summary(ruleIndex, target.OriginalDefinition, () => LocalGraph(graph, target, cancellationToken), cancellationToken);
                }

                if (SymbolEqualityComparer.Default.Equals(target.ContainingType?.OriginalDefinition, type.OriginalDefinition)
                    && (!target.IsVirtual && !target.IsAbstract && !target.IsOverride || target.IsSealed)
                    && byMethod.TryGetValue(target.OriginalDefinition, out var body))
                {
                    return Summary(ruleIndex, target.OriginalDefinition, () => body.Graph, cancellationToken, body);
                }

                return false;
            }

            private bool Summary(int ruleIndex, IMethodSymbol method, System.Func<ControlFlowGraph?> graph, CancellationToken cancellationToken, Body? own = null)
            {
                if (summaries.TryGetValue((ruleIndex, method), out var covers))
                {
                    return covers;
                }

                summaries[(ruleIndex, method)] = false; // recursion: a method that calls itself is not its own cover
                var g = graph();
                var body = own ?? FindBody(g);
                covers = g is not null && body is not null && Paths(ruleIndex, body, g, discardRejections: false).CoversEveryPath();
                summaries[(ruleIndex, method)] = covers;
                return covers;
            }

            private Body? FindBody(ControlFlowGraph? graph)
            {
                for (var g = graph; g is not null; g = g.Parent)
                {
                    foreach (var body in bodies)
                    {
                        if (body.Graph == g)
                        {
                            return body;
                        }
                    }
                }

                return null;
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
