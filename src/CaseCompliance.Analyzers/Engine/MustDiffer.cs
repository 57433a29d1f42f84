using System.Collections.Generic;
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
        public MustDifferRule(DiagnosticDescriptor descriptor, Role call, Role first, Role second)
        {
            Descriptor = descriptor;
            Call = call;
            First = first;
            Second = second;
        }

        public DiagnosticDescriptor Descriptor { get; }

        public Role Call { get; }

        public Role First { get; }

        public Role Second { get; }
    }

    /// <summary>The rule kind "must differ": reports a call whose two values are provably the same (never on unknown).</summary>
    internal sealed class MustDiffer
    {
        private readonly CaseModel model;
        private readonly MustDifferRule rule;

        public MustDiffer(CaseModel model, MustDifferRule rule)
        {
            this.model = model;
            this.rule = rule;
        }

        public void OnInvocation(OperationAnalysisContext context)
        {
            var invocation = (IInvocationOperation)context.Operation;
            if (!model.HasRole(invocation.TargetMethod, rule.Call) || Calls.ArgumentFor(invocation, rule.First, model) is not { } first)
            {
                return;
            }

            if (Calls.ArgumentFor(invocation, rule.Second, model) is { } second
                && ValueIdentity.Compare(first.Value, second.Value) == Sameness.Same)
            {
                Report(context, invocation, first, ValueIdentity.Text(second.Value));
                return;
            }

            foreach (var argument in invocation.Arguments)
            {
                if (argument == first || argument.Value.Type is not INamedTypeSymbol type)
                {
                    continue;
                }

                foreach (var member in MembersWithRole(type))
                {
                    if (ValueIdentity.CompareWithMember(first.Value, argument.Value, member) == Sameness.Same)
                    {
                        Report(context, invocation, first, ValueIdentity.Text(argument.Value) + "." + member.Name);
                        return;
                    }
                }
            }
        }

        private IEnumerable<ISymbol> MembersWithRole(INamedTypeSymbol type)
        {
            for (var t = type; t is not null && t.SpecialType == SpecialType.None; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if ((member is IPropertySymbol || member is IFieldSymbol) && !member.IsStatic && model.HasRole(member, rule.Second))
                    {
                        yield return member;
                    }
                }
            }
        }

        private void Report(OperationAnalysisContext context, IInvocationOperation invocation, IArgumentOperation first, string second)
            => context.ReportDiagnostic(Diagnostic.Create(rule.Descriptor, invocation.Syntax.GetLocation(),
                SymbolText.Member(invocation.TargetMethod), ValueIdentity.Text(first.Value), second));
    }
}
