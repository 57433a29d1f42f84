using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>An instance of the kinds "cover matches" (CASE011) or "cover not swallowed" (CASE012).</summary>
    internal sealed class CoverCheckRule
    {
        public CoverCheckRule(CompiledRule rule)
        {
            Rule = rule;
            Trigger = rule.RoleParameter("trigger");
            Cover = rule.RoleParameter("cover");
            Match = rule.RoleParameter("match");
            ChecksMatch = rule.Kind.Name == RuleKind.CoverMatches;
        }

        public CompiledRule Rule { get; }

        public RoleSet Trigger { get; }

        public RoleSet Cover { get; }

        public RoleSet Match { get; }

        /// <summary>True for "cover matches", false for "cover not swallowed".</summary>
        public bool ChecksMatch { get; }
    }

    /// <summary>
    /// Checks of a cover call (an cover) against the triggers (triggers) of the same body (method, lambda or local
    /// function): "cover matches" (CASE011), the cover's argument of the match role is provably another value than every
    /// trigger's; "cover not swallowed" (CASE012), the cover sits in a <c>try</c> whose <c>catch</c> swallows its failure
    /// while the trigger's data is still used. One host serves every rule of both kinds.
    /// </summary>
    internal sealed class CoverChecks
    {
        private readonly CaseModel model;
        private readonly ImmutableArray<CoverCheckRule> rules;
        private readonly RoleSet roles;

        public CoverChecks(CaseModel model, ImmutableArray<CoverCheckRule> rules)
        {
            this.model = model;
            this.rules = rules;
            foreach (var rule in rules)
            {
                roles = roles.Union(rule.Trigger).Union(rule.Cover);
            }
        }

        public void OnBlockStart(OperationBlockStartAnalysisContext context)
        {
            List<IInvocationOperation>? calls = null;
            var gate = new object();
            context.RegisterOperationAction(operation =>
            {
                var invocation = (IInvocationOperation)operation.Operation;
                if (model.HasRole(invocation.TargetMethod, roles))
                {
                    lock (gate)
                    {
                        (calls ??= new List<IInvocationOperation>()).Add(invocation);
                    }
                }
            }, OperationKind.Invocation);

            context.RegisterOperationBlockEndAction(end =>
            {
                if (calls is null)
                {
                    return;
                }

                foreach (var rule in rules)
                {
                    Check(end, rule, calls);
                }
            });
        }

        private void Check(OperationBlockAnalysisContext end, CoverCheckRule rule, List<IInvocationOperation> calls)
        {
            var triggers = new List<IInvocationOperation>();
            var covers = new List<IInvocationOperation>();
            foreach (var call in calls)
            {
                if (model.HasRole(call.TargetMethod, rule.Trigger))
                {
                    triggers.Add(call);
                }
                else if (model.HasRole(call.TargetMethod, rule.Cover))
                {
                    covers.Add(call);
                }
            }

            if (triggers.Count == 0)
            {
                return;
            }

            foreach (var cover in covers)
            {
                var function = Calls.EnclosingFunction(cover);
                var sameBody = new List<IInvocationOperation>();
                foreach (var trigger in triggers)
                {
                    if (Calls.EnclosingFunction(trigger) == function)
                    {
                        sameBody.Add(trigger);
                    }
                }

                if (sameBody.Count == 0)
                {
                    continue;
                }

                if (rule.ChecksMatch)
                {
                    CheckSubject(end, rule, cover, sameBody);
                }
                else
                {
                    CheckSwallowed(end, rule, cover, sameBody);
                }
            }
        }

        private void CheckSubject(OperationBlockAnalysisContext context, CoverCheckRule rule, IInvocationOperation cover, List<IInvocationOperation> triggers)
        {
            if (Calls.ValueFor(cover, rule.Match, model) is not { } recorded)
            {
                return;
            }

            IInvocationOperation? example = null;
            RoleValue? exampleSubject = null;
            foreach (var trigger in triggers)
            {
                if (Calls.ValueFor(trigger, rule.Match, model) is not { } subject)
                {
                    continue;
                }

                if (ValueIdentity.Compare(recorded, subject) != Sameness.Different)
                {
                    return; // the cover may well be about this trigger's person
                }

                example ??= trigger;
                exampleSubject ??= subject;
            }

            if (example is not null && exampleSubject is { } about)
            {
                context.ReportDiagnostic(rule.Rule.Create(cover.Syntax.GetLocation(), new[] { example.Syntax.GetLocation() }, null,
                    SymbolText.Member(cover.TargetMethod), recorded.Text,
                    SymbolText.Member(example.TargetMethod), about.Text));
            }
        }

        private static void CheckSwallowed(OperationBlockAnalysisContext context, CoverCheckRule rule, IInvocationOperation cover, List<IInvocationOperation> triggers)
        {
            for (IOperation? child = cover, parent = cover.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    return;
                }

                if (parent is not ITryOperation @try || child != @try.Body)
                {
                    continue;
                }

                foreach (var clause in @try.Catches)
                {
                    if (NeverEntered(clause.Filter) || HandlerExits.Of(clause) is not { Swallows: true } exits)
                    {
                        continue;
                    }

                    foreach (var trigger in triggers)
                    {
                        if (DataSurvives(trigger, @try, exits))
                        {
                            var evidence = new[] { CatchLocation(clause), trigger.Syntax.GetLocation() };
                            context.ReportDiagnostic(rule.Rule.Create(cover.Syntax.GetLocation(), evidence, null,
                                SymbolText.Member(cover.TargetMethod), SymbolText.Member(context.OwningSymbol), SymbolText.Member(trigger.TargetMethod)));
                            return;
                        }
                    }
                }
            }
        }

        private static Location CatchLocation(ICatchClauseOperation clause)
            => clause.Syntax is CatchClauseSyntax syntax ? syntax.CatchKeyword.GetLocation() : clause.Syntax.GetLocation();

        /// <summary>
        /// A filter that never lets an exception in: <c>when (false)</c>, or a call to a method of this compilation
        /// that only ever returns <c>false</c> (the "log in the filter and let it pass" idiom).
        /// </summary>
        private static bool NeverEntered(IOperation? filter)
        {
            if (filter is null)
            {
                return false;
            }

            if (filter.ConstantValue is { HasValue: true, Value: false })
            {
                return true;
            }

            if (Calls.Unwrap(filter) is not IInvocationOperation { TargetMethod: var method })
            {
                return false;
            }

            var returnsFalse = false;
            foreach (var (body, arrow) in Calls.DeclaredBodies(method))
            {
                if (arrow is not null)
                {
                    returnsFalse = arrow.Expression.IsKind(SyntaxKind.FalseLiteralExpression);
                }
                else if (body is not null)
                {
                    returnsFalse = true;
                    foreach (var node in body.DescendantNodes(n => n is not (LambdaExpressionSyntax or AnonymousMethodExpressionSyntax or LocalFunctionStatementSyntax)))
                    {
                        if (node is ReturnStatementSyntax @return && @return.Expression?.IsKind(SyntaxKind.FalseLiteralExpression) != true)
                        {
                            return false;
                        }
                    }
                }
            }

            return returnsFalse;
        }

        /// <summary>
        /// The looked-up data outlives a swallowed cover failure. A lookup after the try runs when the handler goes on
        /// past the try. A lookup before it, or in its body stored in a local declared outside it, survives when the
        /// handler goes on, returns that local, or reads it; and on every way out of the handler once the data was
        /// used before the try (passed on directly, or its local read before the try).
        /// </summary>
        private static bool DataSurvives(IInvocationOperation trigger, ITryOperation @try, HandlerExits exits)
        {
            if (Calls.IsDiscarded(trigger))
            {
                return false;
            }

            var span = @try.Syntax.Span;
            var at = trigger.Syntax.SpanStart;
            if (at >= span.End)
            {
                return exits.GoesOn; // looked up after the try: only when the handler lets the method go on
            }

            ILocalSymbol? local;
            if (Calls.IsWithin(trigger, @try))
            {
                if (!Calls.IsWithin(trigger, @try.Body))
                {
                    return false; // a trigger in the handler is other data, with its own duty (CASE010)
                }

                local = StoredIn(trigger);
                if (local is null || IsDeclaredWithin(local, @try))
                {
                    return false; // the data stays in the try: the handler never has it
                }
            }
            else
            {
                local = StoredIn(trigger);
                if (local is null || ReadBetween(local, trigger.Syntax.Span.End, span.Start, trigger))
                {
                    return true; // the data was used before the audit: any way the handler lets the method carry on counts
                }
            }

            return exits.GoesOn || exits.Mentions(local.Name);
        }

        /// <summary>The local a call's value is stored in, directly, awaited or cast: <c>var p = Find(id);</c> or <c>p = Find(id);</c>.</summary>
        private static ILocalSymbol? StoredIn(IInvocationOperation trigger)
        {
            IOperation current = trigger;
            while (current.Parent is IAwaitOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current.Parent switch
            {
                ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == current => target.Local,
                IVariableInitializerOperation { Parent: IVariableDeclaratorOperation declarator } => declarator.Symbol,
                _ => null,
            };
        }

        /// <summary>Whether <paramref name="local"/> is read in the source between two positions of its body.</summary>
        private static bool ReadBetween(ILocalSymbol local, int start, int end, IOperation inBody)
        {
            var root = Calls.Root(inBody);
            foreach (var node in root.Syntax.DescendantNodes(new Microsoft.CodeAnalysis.Text.TextSpan(start, end - start)))
            {
                if (node is IdentifierNameSyntax name && name.SpanStart >= start && name.Span.End <= end
                    && name.Identifier.ValueText == local.Name && !IsAssignedTo(name))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsAssignedTo(IdentifierNameSyntax name)
            => name.Parent is AssignmentExpressionSyntax assignment && assignment.Left == name && assignment.IsKind(SyntaxKind.SimpleAssignmentExpression);

        private static bool IsDeclaredWithin(ILocalSymbol local, ITryOperation @try)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (@try.Syntax.Span.Contains(reference.Span))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
