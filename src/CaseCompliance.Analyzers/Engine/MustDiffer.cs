using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// An instance of the rule kind "in a call of role <see cref="Call"/>, the arguments of roles <see cref="First"/>
    /// and <see cref="Second"/> must differ" (CASE020: attester and preparer). The second value is an argument of
    /// that role, or a member of that role of another argument (<c>Attest(payment, payment.PreparedBy)</c>).
    /// </summary>
    internal sealed class MustDifferRule
    {
        public MustDifferRule(CompiledRule rule)
        {
            Rule = rule;
            Call = rule.RoleParameter("call");
            First = rule.RoleParameter("first");
            Second = rule.RoleParameter("second");
        }

        public CompiledRule Rule { get; }

        public RoleSet Call { get; }

        public RoleSet First { get; }

        public RoleSet Second { get; }
    }

    /// <summary>The rule kind "must differ": reports a call whose two values are provably the same (never on unknown).</summary>
    internal sealed class MustDiffer
    {
        private readonly CaseModel model;
        private readonly ImmutableArray<MustDifferRule> rules;
        private readonly RoleSet calls;

        public MustDiffer(CaseModel model, ImmutableArray<MustDifferRule> rules)
        {
            this.model = model;
            this.rules = rules;
            foreach (var rule in rules)
            {
                calls = calls.Union(rule.Call);
            }
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!model.HasRole(invocation.TargetMethod, calls))
            {
                return;
            }

            foreach (var rule in rules)
            {
                Check(context, invocation, rule);
            }
        }

        private void Check(OperationAnalysisContext context, IInvocationOperation invocation, MustDifferRule rule)
        {
            if (!model.HasRole(invocation.TargetMethod, rule.Call) || Calls.ArgumentFor(invocation, rule.First, model) is not { } first)
            {
                return;
            }

            if (Calls.ArgumentFor(invocation, rule.Second, model) is { } second
                && (ValueIdentity.Compare(first.Value, second.Value) == Sameness.Same || SameLocalInOneCall(invocation, first.Value, second.Value)))
            {
                Report(context, rule, invocation, first, ValueIdentity.Text(second.Value));
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument == first || argument.Value.Type is not INamedTypeSymbol type)
                {
                    continue;
                }

                foreach (var member in Calls.MembersWithRole(type, rule.Second, model))
                {
                    if (ValueIdentity.CompareWithMember(first.Value, argument.Value, member) == Sameness.Same)
                    {
                        Report(context, rule, invocation, first, ValueIdentity.Text(argument.Value) + "." + member.Name);
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// Two arguments of one call that read the same local are the same value, however often the local is written
        /// elsewhere: nothing runs between them but the arguments themselves, unless one of them writes it.
        /// </summary>
        private static bool SameLocalInOneCall(IInvocationOperation invocation, IOperation a, IOperation b)
        {
            if (Calls.Unwrap(a) is not ILocalReferenceOperation x || Calls.Unwrap(b) is not ILocalReferenceOperation y
                || !SymbolEqualityComparer.Default.Equals(x.Local, y.Local) || x.Local.IsRef)
            {
                return false;
            }

            foreach (var argument in invocation.Arguments)
            {
                foreach (var operation in argument.DescendantsAndSelf())
                {
                    if (operation is IAssignmentOperation { Target: ILocalReferenceOperation target } && SymbolEqualityComparer.Default.Equals(target.Local, x.Local)
                        || operation is IArgumentOperation { Parameter.RefKind: RefKind.Ref or RefKind.Out, Value: ILocalReferenceOperation byRef } && SymbolEqualityComparer.Default.Equals(byRef.Local, x.Local))
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static void Report(OperationAnalysisContext context, MustDifferRule rule, IInvocationOperation invocation, IArgumentOperation first, string second)
            => context.ReportDiagnostic(rule.Rule.Create(invocation.Syntax.GetLocation(),
                SymbolText.Member(invocation.TargetMethod), ValueIdentity.Text(first.Value), second));
    }
}
