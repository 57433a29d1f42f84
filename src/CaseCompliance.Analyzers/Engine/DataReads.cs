using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// What counts as reading a member, shared by every rule that follows data: member access, <c>?.</c>,
    /// property patterns, compound assignment, <c>ref</c>/<c>in</c>/<c>out</c> arguments and calls whose result is
    /// personal data are reads; plain assignment and object-initializer targets and <c>nameof</c> are not.
    /// Deconstruction and <c>with</c> read several members at once.
    /// </summary>
    internal static class DataReads
    {
        /// <summary>The member a property, field or invocation operation reads, or null.</summary>
        public static ISymbol? Member(IOperation operation) => operation switch
        {
            IPropertyReferenceOperation p => p.Property,
            IFieldReferenceOperation f => f.Field,
            IInvocationOperation i => i.TargetMethod,
            _ => null,
        };

        /// <summary>True when the operation only writes its member, or only names it.</summary>
        public static bool IsNotARead(IOperation operation)
        {
            var current = operation;
            var parent = operation.Parent;

            // (p.A, p.B) = ... : climb the target tuple of a deconstruction.
            while (parent is ITupleOperation || parent is IConversionOperation { IsImplicit: true })
            {
                current = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target == current:
                    // Covers `x.P = v`, object initializers `new T { P = v }` and `with { P = v }`.
                    return true;
                case IDeconstructionAssignmentOperation deconstruction when deconstruction.Target == current:
                    return true;
            }

            for (var p = operation.Parent; p is not null; p = p.Parent)
            {
                if (p is INameOfOperation)
                {
                    return true;
                }

                if (p is IBlockOperation || p is IMethodBodyBaseOperation)
                {
                    break;
                }
            }

            return false;
        }

        /// <summary>Where a read is reported: the member access, the whole <c>a?.B</c>, or the pattern member.</summary>
        public static Location Location(IOperation operation)
        {
            var syntax = operation.Syntax;
            if (syntax is MemberBindingExpressionSyntax binding)
            {
                // `a?.B?.C` nests: find the conditional access whose WhenNotNull part holds this binding and report `a?.B`.
                for (var node = binding.Parent; node is not null; node = node.Parent)
                {
                    if (node is ConditionalAccessExpressionSyntax access && access.WhenNotNull.Span.Contains(binding.Span))
                    {
                        return Microsoft.CodeAnalysis.Location.Create(binding.SyntaxTree, TextSpan.FromBounds(access.SpanStart, binding.Span.End));
                    }
                }
            }

            return syntax.GetLocation();
        }

        /// <summary>
        /// The members a deconstruction reads through its <c>Deconstruct</c> method: <c>var (a, b) = x</c>,
        /// <c>foreach (var (a, b) in xs)</c> and positional patterns <c>x is (var a, _)</c>. Discarded positions are not read.
        /// </summary>
        public static ImmutableArray<ISymbol> DeconstructedMembers(IOperation operation, out SyntaxNode? reportAt)
        {
            reportAt = null;
            IMethodSymbol? deconstruct = null;
            var discarded = 0UL; // bit i: position i is a discard (positions past 63 are treated as reads)
            switch (operation)
            {
                case IDeconstructionAssignmentOperation assignment when assignment.Syntax is AssignmentExpressionSyntax syntax && assignment.SemanticModel is { } model:
                    deconstruct = model.GetDeconstructionInfo(syntax).Method;
                    reportAt = syntax.Right;
                    discarded = Discards(assignment.Target);
                    break;
                case IForEachLoopOperation loop when loop.Syntax is ForEachVariableStatementSyntax syntax && loop.SemanticModel is { } model:
                    deconstruct = model.GetDeconstructionInfo(syntax).Method;
                    reportAt = syntax.Variable;
                    discarded = Discards(loop.LoopControlVariable);
                    break;
                case IRecursivePatternOperation pattern when pattern.DeconstructSymbol is IMethodSymbol method:
                    deconstruct = method;
                    reportAt = pattern.Syntax is RecursivePatternSyntax { PositionalPatternClause: { } clause } ? clause : pattern.Syntax;
                    for (var i = 0; i < pattern.DeconstructionSubpatterns.Length; i++)
                    {
                        if (pattern.DeconstructionSubpatterns[i] is IDiscardPatternOperation && i < 64)
                        {
                            discarded |= 1UL << i;
                        }
                    }

                    break;
            }

            if (deconstruct is null || deconstruct.ContainingType is not { } type)
            {
                return ImmutableArray<ISymbol>.Empty;
            }

            var builder = ImmutableArray.CreateBuilder<ISymbol>();
            var parameters = deconstruct.Parameters;
            var offset = deconstruct.IsExtensionMethod ? 1 : 0;
            if (deconstruct.IsExtensionMethod && parameters.Length > 0)
            {
                type = parameters[0].Type as INamedTypeSymbol ?? type;
            }

            for (var i = offset; i < parameters.Length; i++)
            {
                if (i - offset < 64 && (discarded & (1UL << (i - offset))) != 0)
                {
                    continue;
                }

                builder.Add(MatchingMember(type, parameters[i]) ?? parameters[i]);
            }

            return builder.ToImmutable();
        }

        /// <summary>The property or field a <c>Deconstruct</c> out parameter stands for (records: same name).</summary>
        private static ISymbol? MatchingMember(INamedTypeSymbol type, IParameterSymbol parameter)
        {
            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if ((member is IPropertySymbol || member is IFieldSymbol { AssociatedSymbol: null })
                        && string.Equals(member.Name, parameter.Name, System.StringComparison.OrdinalIgnoreCase))
                    {
                        return member;
                    }
                }
            }

            return null;
        }

        private static ulong Discards(IOperation target)
        {
            var tuple = target switch
            {
                ITupleOperation t => t,
                IDeclarationExpressionOperation { Expression: ITupleOperation t } => t,
                _ => null,
            };
            var mask = 0UL;
            for (var i = 0; tuple is not null && i < tuple.Elements.Length && i < 64; i++)
            {
                if (tuple.Elements[i] is IDiscardOperation)
                {
                    mask |= 1UL << i;
                }
            }

            return mask;
        }

        /// <summary>The properties and fields a <c>with</c> expression copies from its operand, less those it sets.</summary>
        public static IEnumerable<ISymbol> CopiedByWith(IWithOperation with)
        {
            if (with.Operand.Type is not INamedTypeSymbol type)
            {
                yield break;
            }

            var assigned = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            foreach (var initializer in with.Initializer.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation { Target: var target } && Member(target) is { } m)
                {
                    assigned.Add(m.OriginalDefinition);
                }
            }

            for (var t = type; t is not null; t = t.BaseType)
            {
                foreach (var member in t.GetMembers())
                {
                    if (member.IsStatic || member.IsImplicitlyDeclared || assigned.Contains(member.OriginalDefinition))
                    {
                        continue;
                    }

                    if (member is IPropertySymbol { IsIndexer: false } || member is IFieldSymbol { IsConst: false, AssociatedSymbol: null })
                    {
                        yield return member;
                    }
                }
            }
        }

        /// <summary>Whether <paramref name="member"/> is declared by the type the code is in (or a type around it).</summary>
        public static bool IsOwnMember(ISymbol member, ISymbol containingSymbol)
        {
            var declaring = member.ContainingType?.OriginalDefinition;
            if (declaring is null)
            {
                return false;
            }

            for (var t = containingSymbol as INamedTypeSymbol ?? containingSymbol.ContainingType; t is not null; t = t.ContainingType)
            {
                if (SymbolEqualityComparer.Default.Equals(t.OriginalDefinition, declaring))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
