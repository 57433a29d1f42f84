using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
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
            if (Calls.ArgumentFor(cover, rule.Match, model) is not { } recorded)
            {
                return;
            }

            IInvocationOperation? example = null;
            IArgumentOperation? exampleSubject = null;
            foreach (var trigger in triggers)
            {
                if (Calls.ArgumentFor(trigger, rule.Match, model) is not { } subject)
                {
                    continue;
                }

                if (ValueIdentity.Compare(recorded.Value, subject.Value) != Sameness.Different)
                {
                    return; // the cover may well be about this trigger's person
                }

                example ??= trigger;
                exampleSubject ??= subject;
            }

            if (example is not null && exampleSubject is not null)
            {
                context.ReportDiagnostic(rule.Rule.Create(cover.Syntax.GetLocation(),
                    SymbolText.Member(cover.TargetMethod), ValueIdentity.Text(recorded.Value),
                    SymbolText.Member(example.TargetMethod), ValueIdentity.Text(exampleSubject.Value)));
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

                if (parent is not ITryOperation @try || child != @try.Body || !Swallows(@try))
                {
                    continue;
                }

                foreach (var trigger in triggers)
                {
                    if (DataSurvives(trigger, @try))
                    {
                        context.ReportDiagnostic(rule.Rule.Create(cover.Syntax.GetLocation(),
                            SymbolText.Member(cover.TargetMethod), SymbolText.Member(context.OwningSymbol), SymbolText.Member(trigger.TargetMethod)));
                        return;
                    }
                }
            }
        }

        /// <summary>A catch without a filter whose handler neither throws nor rethrows.</summary>
        private static bool Swallows(ITryOperation @try)
        {
            foreach (var clause in @try.Catches)
            {
                if (clause.Filter is null && !Calls.Throws(clause.Handler))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The looked-up data outlives a swallowed cover failure: the trigger's value is used and either the trigger is
        /// outside the try statement, or it is in the try and stores its value in a local declared outside it.
        /// </summary>
        private static bool DataSurvives(IInvocationOperation trigger, ITryOperation @try)
        {
            if (Calls.IsDiscarded(trigger))
            {
                return false;
            }

            if (!Calls.IsWithin(trigger, @try))
            {
                return true; // looked up before the try, or used after it
            }

            if (!Calls.IsWithin(trigger, @try.Body))
            {
                return false; // a trigger in the handler is other data, with its own duty (CASE010)
            }

            IOperation current = trigger;
            while (current.Parent is IAwaitOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current.Parent is ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment
                && assignment.Value == current
                && !IsDeclaredWithin(target.Local, @try);
        }

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
