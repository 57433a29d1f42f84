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

    /// <summary>
    /// Path questions on one body's control-flow graph (a method, lambda or local function — nested functions have
    /// graphs of their own): is a point covered by a "cover" call (an audit, a guard) on every path from the entry,
    /// or on every path to the exit? Paths that leave by an exception do not reach the exit and so do not count;
    /// a <c>finally</c> that covers on every path covers every branch that runs it; a <c>catch</c> handler is reached
    /// from anywhere in its <c>try</c>.
    /// </summary>
    internal sealed class FlowPaths
    {
        private readonly ControlFlowGraph graph;
        private readonly Func<IInvocationOperation, bool> isCover;
        private readonly List<FlowSite> sites = new List<FlowSite>();
        private readonly int[] firstCover;
        private readonly int[] lastCover;
        private readonly Dictionary<ControlFlowRegion, bool> finallyCovers = new Dictionary<ControlFlowRegion, bool>();
        private bool[]? reachedUncovered;
        private bool[]? leadsToExitUncovered;

        /// <summary>
        /// Indexes the graph: every invocation in evaluation order, and per block the first and last cover.
        /// <paramref name="isCover"/> decides which calls cover (it may itself consult summaries of called methods).
        /// </summary>
        public FlowPaths(ControlFlowGraph graph, Func<IInvocationOperation, bool> isCover)
        {
            this.graph = graph;
            this.isCover = isCover;
            firstCover = new int[graph.Blocks.Length];
            lastCover = new int[graph.Blocks.Length];
            foreach (var block in graph.Blocks)
            {
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
            => lastCover[site.Block.Ordinal] <= site.Order && ExitReachableUncovered(Successors(site.Block));

        /// <summary>True when every normal path through the body passes a cover (a method summary).</summary>
        public bool CoversEveryPath() => !ExitReachableUncovered(new[] { graph.Blocks[0] });

        /// <summary>True when some path from entry to exit passes <paramref name="site"/> and never a cover.</summary>
        public bool HasUncoveredPathThrough(FlowSite site) => ReachableUncovered(site) && LeavesUncovered(site);

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

            if (operation is IInvocationOperation invocation)
            {
                var position = order++;
                sites.Add(new FlowSite(block, position, invocation));
                if (isCover(invocation))
                {
                    firstCover[block.Ordinal] = Math.Min(firstCover[block.Ordinal], position);
                    lastCover[block.Ordinal] = Math.Max(lastCover[block.Ordinal], position);
                }
            }
        }

        private bool HasCover(BasicBlock block) => firstCover[block.Ordinal] != int.MaxValue;

        /// <summary>Blocks whose start some path from the entry reaches without a cover (one search, done once).</summary>
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
                    foreach (var handler in CatchHandlers(block))
                    {
                        Push(handler, visited, stack);
                    }

                    if (HasCover(block))
                    {
                        continue;
                    }

                    foreach (var next in Successors(block))
                    {
                        Push(next, visited, stack);
                    }
                }

                reachedUncovered = visited;
            }

            return reachedUncovered[target.Ordinal];
        }

        /// <summary>
        /// Whether the exit is reached without a cover from the start of any of <paramref name="start"/>: blocks from
        /// whose start the exit is reachable uncovered are found once, searching backwards from the exit.
        /// </summary>
        private bool ExitReachableUncovered(IEnumerable<BasicBlock> start)
        {
            if (leadsToExitUncovered is null)
            {
                var marked = new bool[graph.Blocks.Length];
                var stack = new Stack<BasicBlock>();
                var exit = graph.Blocks[graph.Blocks.Length - 1];
                marked[exit.Ordinal] = true;
                stack.Push(exit);
                while (stack.Count > 0)
                {
                    var block = stack.Pop();
                    foreach (var branch in block.Predecessors)
                    {
                        var source = branch.Source;
                        if (!marked[source.Ordinal] && !HasCover(source) && IsNormal(branch.Semantics) && !RunsCoveringFinally(branch))
                        {
                            marked[source.Ordinal] = true;
                            stack.Push(source);
                        }
                    }
                }

                leadsToExitUncovered = marked;
            }

            foreach (var block in start)
            {
                if (leadsToExitUncovered[block.Ordinal])
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

        /// <summary>Normal successors; a branch that runs a <c>finally</c> which covers on every path is covered, so it is not followed.</summary>
        private IEnumerable<BasicBlock> Successors(BasicBlock block)
        {
            foreach (var branch in new[] { block.ConditionalSuccessor, block.FallThroughSuccessor })
            {
                if (branch?.Destination is not { } destination || !IsNormal(branch.Semantics) || RunsCoveringFinally(branch))
                {
                    continue;
                }

                yield return destination;
            }
        }

        private static bool IsNormal(ControlFlowBranchSemantics semantics)
            => semantics == ControlFlowBranchSemantics.Regular || semantics == ControlFlowBranchSemantics.Return;

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
            if (finallyCovers.TryGetValue(region, out var covers))
            {
                return covers;
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

                foreach (var next in Successors(block))
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

        private IEnumerable<BasicBlock> CatchHandlers(BasicBlock block)
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
                        yield return graph.Blocks[nested.FirstBlockOrdinal];
                    }
                }
            }
        }
    }
}
