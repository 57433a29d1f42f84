using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>An invocation inside a control-flow graph: its block and its order of evaluation in the block.</summary>
    internal readonly struct FlowSite
    {
        public FlowSite(BasicBlock block, int order, IInvocationOperation invocation)
        {
            Block = block;
            Order = order;
            Invocation = invocation;
        }

        public BasicBlock Block { get; }

        public int Order { get; }

        public IInvocationOperation Invocation { get; }
    }

    /// <summary>What covers a path: calls (an audit, a guard that throws) and conditions whose outcome passes a check.</summary>
    internal sealed class FlowCovers
    {
        public FlowCovers(Func<IInvocationOperation, bool> call, Func<BasicBlock, bool?>? passingOutcome = null, bool discardRejections = false,
            Func<IOperation, bool>? effect = null, bool trustCoveringTries = false)
        {
            Call = call;
            PassingOutcome = passingOutcome;
            DiscardRejections = discardRejections;
            Effect = effect;
            TrustCoveringTries = trustCoveringTries;
        }

        /// <summary>
        /// Paths into a <c>catch</c> of a <c>try</c> that holds a cover do not count as uncovered: whether such a catch
        /// swallows the cover's failure is a question of its own (CASE012), not a missing cover.
        /// </summary>
        public bool TrustCoveringTries { get; }

        /// <summary>Operations that do what the body is for (record an attestation): a path without one is not checked.</summary>
        public Func<IOperation, bool>? Effect { get; }

        /// <summary>Whether a call covers every path through it.</summary>
        public Func<IInvocationOperation, bool> Call { get; }

        /// <summary>
        /// For a block that ends in a condition: the value of the condition that means a check passed (its branch is
        /// covered), or null when the condition is no check.
        /// </summary>
        public Func<BasicBlock, bool?>? PassingOutcome { get; }

        /// <summary>When a check fails and its branch never rejoins the passing one (it throws or returns), that branch
        /// rejects: paths through it do not count, as if they had thrown.</summary>
        public bool DiscardRejections { get; }
    }

    /// <summary>
    /// Path questions on one body's control-flow graph (a method, lambda or local function — nested functions have
    /// graphs of their own): is a point covered on every path from the entry, or on every path to the exit? Paths
    /// that leave by an exception do not reach the exit and so do not count; a <c>finally</c> that covers on every
    /// path covers every branch that runs it; a <c>catch</c> handler is reached from anywhere in its <c>try</c>.
    /// Each question is answered from one forward and one backward search, made once per graph.
    /// </summary>
    internal sealed class FlowPaths
    {
        private readonly ControlFlowGraph graph;
        private readonly FlowCovers covers;
        private readonly List<FlowSite> sites = new List<FlowSite>();
        private readonly int[] firstCover;
        private readonly int[] lastCover;
        private readonly sbyte[] passing; // per block: -1 no check, 0 passes when false, 1 passes when true
        private readonly sbyte[] constant; // per block: -1 unknown, 0/1 the condition's only possible value
        private readonly bool[] effects;
        private IOperation?[]? effectOperations; // per block, the first operation that is an effect
        private readonly Dictionary<ControlFlowRegion, bool> finallyCovers = new Dictionary<ControlFlowRegion, bool>();
        private Dictionary<int, bool>? rejects;
        private bool[]? reachedUncovered;
        private bool[]? leadsToExitUncovered;

        public FlowPaths(ControlFlowGraph graph, Func<IInvocationOperation, bool> isCover)
            : this(graph, new FlowCovers(isCover))
        {
        }

        /// <summary>Indexes the graph: every invocation in evaluation order, per block the first and last cover and the checks.</summary>
        public FlowPaths(ControlFlowGraph graph, FlowCovers covers)
        {
            this.graph = graph;
            this.covers = covers;
            firstCover = new int[graph.Blocks.Length];
            lastCover = new int[graph.Blocks.Length];
            passing = new sbyte[graph.Blocks.Length];
            constant = new sbyte[graph.Blocks.Length];
            effects = new bool[graph.Blocks.Length];
            foreach (var block in graph.Blocks)
            {
                constant[block.Ordinal] = ConstantCondition(block.BranchValue);
                firstCover[block.Ordinal] = int.MaxValue;
                lastCover[block.Ordinal] = int.MinValue;
                var order = 0;
                foreach (var operation in block.Operations)
                {
                    Collect(block, operation, ref order);
                }

                if (block.BranchValue is { } branchValue)
                {
                    Collect(block, branchValue, ref order);
                }

                passing[block.Ordinal] = block.ConditionalSuccessor is not null && covers.PassingOutcome?.Invoke(block) is { } outcome
                    ? (sbyte)(outcome ? 1 : 0)
                    : (sbyte)-1;
            }
        }

        public ControlFlowGraph Graph => graph;

        /// <summary>Every invocation of this body (not of nested lambdas or local functions), in block and evaluation order.</summary>
        public IReadOnlyList<FlowSite> Sites => sites;

        /// <summary>True when some path from the entry reaches <paramref name="site"/> without passing a cover.</summary>
        public bool ReachableUncovered(FlowSite site)
            => firstCover[site.Block.Ordinal] >= site.Order && ReachableFromEntryUncovered(site.Block);

        /// <summary>True when some path from <paramref name="site"/> reaches the exit normally without passing a cover.</summary>
        public bool LeavesUncovered(FlowSite site)
            => lastCover[site.Block.Ordinal] <= site.Order && ExitReachableAfter(site.Block);

        /// <summary>True when every path from the entry to the end of <paramref name="block"/> passes a cover (one in the block counts).</summary>
        public bool Covered(BasicBlock block) => HasCover(block) || !ReachableFromEntryUncovered(block);

        /// <summary>True when every normal path through the body passes a cover (a method summary; a check for CASE021).</summary>
        public bool CoversEveryPath()
        {
            ExitReachableAfter(graph.Blocks[0]);
            return !leadsToExitUncovered![0];
        }

        /// <summary>
        /// True when some normal path through the body does what the body is for (an <see cref="FlowCovers.Effect"/>)
        /// and never passes a cover. Paths that only return early, doing nothing, are not counted.
        /// </summary>
        public bool HasUncoveredEffectPath() => UncoveredEffect() is not null;

        /// <summary>The first operation that does what the body is for on a path that never passes a cover, or null (the evidence of a finding).</summary>
        public IOperation? UncoveredEffect()
        {
            foreach (var block in graph.Blocks)
            {
                if (effects[block.Ordinal] && !HasCover(block) && ReachableFromEntryUncovered(block) && ExitReachableAfter(block))
                {
                    return effectOperations![block.Ordinal];
                }
            }

            return null;
        }

        /// <summary>True when some path from entry to exit passes <paramref name="site"/> and never a cover.</summary>
        public bool HasUncoveredPathThrough(FlowSite site) => ReachableUncovered(site) && LeavesUncovered(site);

        /// <summary>
        /// Evidence for a finding on <paramref name="site"/>: the blocks of one path that shows it (from the entry to
        /// the site for a guard, from the site to the exit for a duty on every path), in order. Empty when there is
        /// no such path.
        /// </summary>
        public List<BasicBlock> UncoveredPath(FlowSite site, bool fromEntry)
        {
            var path = new List<BasicBlock>();
            if (fromEntry ? !ReachableUncovered(site) : !LeavesUncovered(site))
            {
                return path;
            }

            var parents = new int[graph.Blocks.Length];
            for (var i = 0; i < parents.Length; i++)
            {
                parents[i] = -2;
            }

            var queue = new Queue<BasicBlock>();
            BasicBlock? goal = null;
            if (fromEntry)
            {
                parents[0] = -1;
                queue.Enqueue(graph.Blocks[0]);
            }
            else
            {
                parents[site.Block.Ordinal] = -1;
                foreach (var next in Successors(site.Block, checks: true))
                {
                    if (parents[next.Ordinal] == -2 && leadsToExitUncovered![next.Ordinal])
                    {
                        parents[next.Ordinal] = site.Block.Ordinal;
                        queue.Enqueue(next);
                    }
                }
            }

            var target = fromEntry ? site.Block.Ordinal : graph.Blocks.Length - 1;
            while (queue.Count > 0 && goal is null)
            {
                var block = queue.Dequeue();
                if (block.Ordinal == target)
                {
                    goal = block;
                    break;
                }

                if (fromEntry && HasCover(block))
                {
                    continue;
                }

                var nexts = new List<BasicBlock>(Successors(block, checks: true));
                if (fromEntry)
                {
                    foreach (var (handler, tryRegion) in CatchHandlers(block))
                    {
                        if (!covers.TrustCoveringTries || !HasCoverIn(tryRegion))
                        {
                            nexts.Add(handler);
                        }
                    }
                }

                foreach (var next in nexts)
                {
                    if (parents[next.Ordinal] == -2 && (fromEntry ? reachedUncovered![next.Ordinal] : leadsToExitUncovered![next.Ordinal] && !HasCover(next)))
                    {
                        parents[next.Ordinal] = block.Ordinal;
                        queue.Enqueue(next);
                    }
                }
            }

            for (var at = goal?.Ordinal ?? -1; at >= 0; at = parents[at])
            {
                path.Insert(0, graph.Blocks[at]);
            }

            return path;
        }

        /// <summary>
        /// The condition of the first block on <paramref name="path"/> where the path takes a branch whose other side
        /// is covered (the branch that leaves the cover out), or null when the path has no such choice.
        /// </summary>
        public IOperation? DecidingBranch(List<BasicBlock> path, bool fromEntry)
        {
            for (var i = 0; i + 1 < path.Count; i++)
            {
                var block = path[i];
                if (block.BranchValue is not { } condition || block.ConditionalSuccessor?.Destination is not { } conditional
                    || block.FallThroughSuccessor?.Destination is not { } fallThrough)
                {
                    continue;
                }

                // A check the path fails, or a branch whose other side covers (and, after the site, still goes on to the exit).
                var other = path[i + 1] == conditional ? fallThrough : conditional;
                var otherCovers = HasCover(other) || !fromEntry && !leadsToExitUncovered![other.Ordinal] && ReachesExit(other);
                if (passing[block.Ordinal] >= 0 || otherCovers)
                {
                    return condition;
                }
            }

            return null;
        }

        private void Collect(BasicBlock block, IOperation operation, ref int order)
        {
            // Post-order: arguments are evaluated before the call that takes them.
            foreach (var child in operation.ChildOperations)
            {
                if (child is IFlowAnonymousFunctionOperation)
                {
                    continue; // its body runs later, if ever: it has a graph of its own
                }

                Collect(block, child, ref order);
            }

            if (covers.Effect is { } effect && effect(operation))
            {
                effects[block.Ordinal] = true;
                effectOperations ??= new IOperation?[graph.Blocks.Length];
                effectOperations[block.Ordinal] ??= operation;
            }

            if (operation is IInvocationOperation invocation)
            {
                var position = order++;
                sites.Add(new FlowSite(block, position, invocation));
                if (covers.Call(invocation))
                {
                    firstCover[block.Ordinal] = Math.Min(firstCover[block.Ordinal], position);
                    lastCover[block.Ordinal] = Math.Max(lastCover[block.Ordinal], position);
                }
            }
        }

        private bool HasCover(BasicBlock block) => firstCover[block.Ordinal] != int.MaxValue;

        private bool HasCoverIn(ControlFlowRegion region)
        {
            for (var i = region.FirstBlockOrdinal; i <= region.LastBlockOrdinal; i++)
            {
                if (firstCover[i] != int.MaxValue)
                {
                    return true;
                }
            }

            return false;
        }

        private bool ReachableFromEntryUncovered(BasicBlock target)
        {
            if (reachedUncovered is null)
            {
                var visited = new bool[graph.Blocks.Length];
                var stack = new Stack<BasicBlock>();
                Push(graph.Blocks[0], visited, stack);
                while (stack.Count > 0)
                {
                    var block = stack.Pop();

                    // An exception anywhere in a try, even before its cover, may enter its catch handlers.
                    foreach (var (handler, tryRegion) in CatchHandlers(block))
                    {
                        if (!covers.TrustCoveringTries || !HasCoverIn(tryRegion))
                        {
                            Push(handler, visited, stack);
                        }
                    }

                    if (HasCover(block))
                    {
                        continue;
                    }

                    foreach (var next in Successors(block, checks: true))
                    {
                        Push(next, visited, stack);
                    }
                }

                reachedUncovered = visited;
            }

            return reachedUncovered[target.Ordinal];
        }

        /// <summary>Whether the exit is reached without a cover from the end of <paramref name="block"/>.</summary>
        private bool ExitReachableAfter(BasicBlock block)
        {
            if (leadsToExitUncovered is null)
            {
                // Blocks from whose start the exit is reachable uncovered, found once, searching back from the exit.
                var marked = new bool[graph.Blocks.Length];
                var stack = new Stack<BasicBlock>();
                var exit = graph.Blocks[graph.Blocks.Length - 1];
                marked[exit.Ordinal] = true;
                stack.Push(exit);
                while (stack.Count > 0)
                {
                    var current = stack.Pop();
                    foreach (var branch in current.Predecessors)
                    {
                        var source = branch.Source;
                        if (!marked[source.Ordinal] && !HasCover(source) && Follows(source, branch, checks: true))
                        {
                            marked[source.Ordinal] = true;
                            stack.Push(source);
                        }
                    }
                }

                leadsToExitUncovered = marked;
            }

            foreach (var next in Successors(block, checks: true))
            {
                if (leadsToExitUncovered[next.Ordinal])
                {
                    return true;
                }
            }

            return false;
        }

        private static void Push(BasicBlock block, bool[] visited, Stack<BasicBlock> stack)
        {
            if (!visited[block.Ordinal])
            {
                visited[block.Ordinal] = true;
                stack.Push(block);
            }
        }

        /// <summary>Normal successors that a path may take uncovered (with <paramref name="checks"/>: not through a passed check or a rejection).</summary>
        private IEnumerable<BasicBlock> Successors(BasicBlock block, bool checks)
        {
            if (block.ConditionalSuccessor is { Destination: { } conditional } conditionalBranch && Follows(block, conditionalBranch, checks))
            {
                yield return conditional;
            }

            if (block.FallThroughSuccessor is { Destination: { } fallThrough } fallThroughBranch && Follows(block, fallThroughBranch, checks))
            {
                yield return fallThrough;
            }
        }

        private bool Follows(BasicBlock source, ControlFlowBranch branch, bool checks)
        {
            if (branch.Destination is null || !IsNormal(branch.Semantics) || RunsCoveringFinally(branch))
            {
                return false;
            }

            if (constant[source.Ordinal] >= 0 && source.ConditionalSuccessor is not null)
            {
                // A branch the condition can never take (`_` in a switch arm, a constant) is no path.
                var taken = (branch == source.ConditionalSuccessor) == (source.ConditionKind == ControlFlowConditionKind.WhenTrue);
                if (taken != (constant[source.Ordinal] == 1))
                {
                    return false;
                }
            }

            if (!checks || passing[source.Ordinal] < 0)
            {
                return true;
            }

            // The conditional branch is taken when the condition has the value of ConditionKind (WhenTrue: true).
            var isConditional = branch == source.ConditionalSuccessor;
            var value = isConditional == (source.ConditionKind == ControlFlowConditionKind.WhenTrue);
            var passes = value == (passing[source.Ordinal] == 1);
            if (passes)
            {
                return false; // the check passed: covered from here on
            }

            // The other branch is the passing one: a failed branch rejects only when the passing one can go on to the end
            // (`if (a != p.PreparedBy) throw ...;` throws where the check passes: inverted, and nothing is rejected).
            var passingBranch = isConditional ? source.FallThroughSuccessor : source.ConditionalSuccessor;
            return !(covers.DiscardRejections && ReachesExit(passingBranch?.Destination) && Rejects(source));
        }

        private static sbyte ConstantCondition(IOperation? condition) => condition switch
        {
            { ConstantValue: { HasValue: true, Value: bool value } } => (sbyte)(value ? 1 : 0),
            IIsPatternOperation { Pattern: IDiscardPatternOperation } => 1,
            _ => -1,
        };

        private static bool IsNormal(ControlFlowBranchSemantics semantics)
            => semantics == ControlFlowBranchSemantics.Regular || semantics == ControlFlowBranchSemantics.Return;

        /// <summary>A failed check rejects when its branch and the passing one never meet again before the exit.</summary>
        private bool Rejects(BasicBlock check)
        {
            rejects ??= new Dictionary<int, bool>();
            if (rejects.TryGetValue(check.Ordinal, out var result))
            {
                return result;
            }

            var fromConditional = Reach(check.ConditionalSuccessor?.Destination);
            var fromFallThrough = Reach(check.FallThroughSuccessor?.Destination);
            result = true;
            for (var i = 0; i < graph.Blocks.Length - 1 && result; i++)
            {
                if (fromConditional[i] && fromFallThrough[i])
                {
                    result = false;
                }
            }

            rejects[check.Ordinal] = result;
            return result;
        }

        private Dictionary<int, bool>? reachesExit;

        private bool ReachesExit(BasicBlock? start)
        {
            if (start is null)
            {
                return false;
            }

            reachesExit ??= new Dictionary<int, bool>();
            if (!reachesExit.TryGetValue(start.Ordinal, out var result))
            {
                reachesExit[start.Ordinal] = result = Reach(start)[graph.Blocks.Length - 1];
            }

            return result;
        }

        private bool[] Reach(BasicBlock? start)
        {
            var visited = new bool[graph.Blocks.Length];
            if (start is null)
            {
                return visited;
            }

            var stack = new Stack<BasicBlock>();
            Push(start, visited, stack);
            while (stack.Count > 0)
            {
                foreach (var next in Successors(stack.Pop(), checks: false))
                {
                    Push(next, visited, stack);
                }
            }

            return visited;
        }

        private bool RunsCoveringFinally(ControlFlowBranch branch)
        {
            foreach (var region in branch.FinallyRegions)
            {
                if (FinallyCovers(region))
                {
                    return true;
                }
            }

            return false;
        }

        private bool FinallyCovers(ControlFlowRegion region)
        {
            if (finallyCovers.TryGetValue(region, out var result))
            {
                return result;
            }

            finallyCovers[region] = false; // a nested finally that refers back is not a cover
            var visited = new bool[graph.Blocks.Length];
            var stack = new Stack<BasicBlock>();
            Push(graph.Blocks[region.FirstBlockOrdinal], visited, stack);
            var escapes = false;
            while (stack.Count > 0 && !escapes)
            {
                var block = stack.Pop();
                if (HasCover(block))
                {
                    continue;
                }

                // The end of a finally is a branch out of the region (StructuredExceptionHandling semantics).
                if (block.FallThroughSuccessor is { Semantics: ControlFlowBranchSemantics.StructuredExceptionHandling })
                {
                    escapes = true;
                    break;
                }

                foreach (var next in Successors(block, checks: true))
                {
                    if (next.Ordinal >= region.FirstBlockOrdinal && next.Ordinal <= region.LastBlockOrdinal)
                    {
                        Push(next, visited, stack);
                    }
                }
            }

            finallyCovers[region] = !escapes;
            return !escapes;
        }

        private IEnumerable<(BasicBlock Handler, ControlFlowRegion Try)> CatchHandlers(BasicBlock block)
        {
            for (var region = block.EnclosingRegion; region is not null; region = region.EnclosingRegion)
            {
                if (region.Kind != ControlFlowRegionKind.Try || region.EnclosingRegion is not { Kind: ControlFlowRegionKind.TryAndCatch } tryAndCatch)
                {
                    continue;
                }

                foreach (var nested in tryAndCatch.NestedRegions)
                {
                    if (nested.Kind == ControlFlowRegionKind.Catch || nested.Kind == ControlFlowRegionKind.FilterAndHandler)
                    {
                        yield return (graph.Blocks[nested.FirstBlockOrdinal], region);
                    }
                }
            }
        }
    }
}
