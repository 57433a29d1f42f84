using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// The ways out of a <c>catch</c> handler other than a throw: whether it lets the method go on past its <c>try</c>
    /// (its end is reachable, or it leaves with <c>break</c>, <c>continue</c> or <c>goto</c>), and what its
    /// <c>return</c> statements return. A handler that throws on every path, directly or through a method that never
    /// returns, swallows nothing.
    /// </summary>
    internal sealed class HandlerExits
    {
        private readonly BlockSyntax handler;

        private HandlerExits(bool goesOn, bool returns, BlockSyntax handler)
        {
            GoesOn = goesOn;
            Swallows = goesOn || returns;
            this.handler = handler;
        }

        /// <summary>The handler lets the method carry on after the try statement on some path.</summary>
        public bool GoesOn { get; }

        /// <summary>Some path through the handler ends other than in a throw.</summary>
        public bool Swallows { get; }

        /// <summary>Whether the handler names <paramref name="local"/>: returns it, shows it or passes it on.</summary>
        public bool Mentions(string local)
        {
            foreach (var name in handler.DescendantNodes().OfType<IdentifierNameSyntax>())
            {
                if (name.Identifier.ValueText == local)
                {
                    return true;
                }
            }

            return false;
        }

        public static HandlerExits? Of(ICatchClauseOperation clause)
        {
            if (clause.Handler.Syntax is not BlockSyntax block || clause.SemanticModel is not { } semanticModel)
            {
                return null;
            }

            var flow = semanticModel.AnalyzeControlFlow(block);
            if (flow is null || !flow.Succeeded)
            {
                return new HandlerExits(!Calls.Throws(clause.Handler), false, block);
            }

            var goesOn = flow.EndPointIsReachable && !EndsInCallThatNeverReturns(block, semanticModel);
            var returns = false;
            foreach (var exit in flow.ExitPoints)
            {
                if (exit is BreakStatementSyntax or ContinueStatementSyntax or GotoStatementSyntax)
                {
                    goesOn = true;
                }
                else
                {
                    returns = true;
                }
            }

            return new HandlerExits(goesOn, returns, block);
        }

        /// <summary>
        /// The handler's last statement calls a method that does not return: marked <c>[DoesNotReturn]</c>, or a
        /// method of this compilation whose body only throws (a throw helper).
        /// </summary>
        private static bool EndsInCallThatNeverReturns(BlockSyntax block, SemanticModel semanticModel)
        {
            if (block.Statements.LastOrDefault() is not ExpressionStatementSyntax { Expression: var expression })
            {
                return false;
            }

            if (expression is AwaitExpressionSyntax awaited)
            {
                expression = awaited.Expression;
            }

            if (expression is not InvocationExpressionSyntax invocation
                || semanticModel.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method)
            {
                return false;
            }

            foreach (var attribute in method.GetAttributes())
            {
                if (attribute.AttributeClass is { Name: "DoesNotReturnAttribute" })
                {
                    return true;
                }
            }

            foreach (var (body, arrow) in Calls.DeclaredBodies(method))
            {
                if (arrow?.Expression is ThrowExpressionSyntax
                    || body is { Statements: { Count: 1 } statements } && statements[0] is ThrowStatementSyntax)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
