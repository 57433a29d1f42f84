using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// What a call passes for a role: an argument (<see cref="Member"/> null), or a member of an argument that plays
    /// the role on the argument's type (<c>request.Personnummer</c> for a request whose property is <c>[Subject]</c>).
    /// </summary>
    internal readonly struct RoleValue
    {
        public RoleValue(IOperation value, ISymbol? member)
        {
            Value = value;
            Member = member;
        }

        /// <summary>The argument's value.</summary>
        public IOperation Value { get; }

        /// <summary>The member of <see cref="Value"/> that plays the role, or null when the argument itself does.</summary>
        public ISymbol? Member { get; }

        /// <summary>Source text for messages and fixes: <c>id</c>, or <c>request.Personnummer</c>.</summary>
        public string Text => Member is null ? ValueIdentity.Text(Value)
            : ValueIdentity.FreshMemberValue(Value, Member) is { } given ? ValueIdentity.Text(given)
            : ValueIdentity.Text(Value) + "." + Member.Name;
    }

    /// <summary>Small questions about calls and where they sit, shared by the rule kinds.</summary>
    internal static class Calls
    {
        /// <summary>The argument passed for the parameter that plays <paramref name="role"/>, or null.</summary>
        public static IArgumentOperation? ArgumentFor(IInvocationOperation invocation, RoleSet role, CaseModel model)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter is { } parameter && model.HasRole(parameter, role))
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>
        /// What <paramref name="invocation"/> passes for <paramref name="role"/>: the argument of the parameter that
        /// plays it, else the first member playing it on the type of an argument (a request object's <c>[Subject]</c>
        /// property, or a record's positional parameter marked so). Null when the call passes nothing for the role.
        /// </summary>
        public static RoleValue? ValueFor(IInvocationOperation invocation, RoleSet role, CaseModel model)
        {
            if (ArgumentFor(invocation, role, model) is { } argument)
            {
                return new RoleValue(argument.Value, null);
            }

            foreach (var candidate in invocation.Arguments)
            {
                if (candidate.Parameter?.Type is INamedTypeSymbol type)
                {
                    foreach (var member in MembersWithRole(type, role, model))
                    {
                        return new RoleValue(candidate.Value, member);
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// The instance properties and fields of a type of this code's own (not a special type), its base types
        /// included, that play <paramref name="role"/>; for a record, also the property of a positional parameter
        /// that plays it (<c>record Request([Subject] string Personnummer)</c>).
        /// </summary>
        public static IEnumerable<ISymbol> MembersWithRole(INamedTypeSymbol type, RoleSet role, CaseModel model)
        {
            if (role.IsEmpty)
            {
                yield break;
            }

            for (var t = type; t is not null && t.SpecialType == SpecialType.None && t.TypeKind is TypeKind.Class or TypeKind.Struct or TypeKind.Interface; t = t.BaseType)
            {
                HashSet<string>? positional = null;
                if (t.IsRecord)
                {
                    foreach (var constructor in t.InstanceConstructors)
                    {
                        foreach (var parameter in constructor.Parameters)
                        {
                            if (model.HasRole(parameter, role))
                            {
                                (positional ??= new HashSet<string>()).Add(parameter.Name);
                            }
                        }
                    }
                }

                foreach (var member in t.GetMembers())
                {
                    if ((member is IPropertySymbol { IsIndexer: false } || member is IFieldSymbol { IsImplicitlyDeclared: false }) && !member.IsStatic
                        && (model.HasRole(member, role) || positional?.Contains(member.Name) == true))
                    {
                        yield return member;
                    }
                }
            }
        }

        /// <summary>
        /// The bodies a method or local function is declared with in source, by syntax only: a block, or an expression
        /// body (one per partial part). Cheap questions about a callee ("does it only throw?") read these without
        /// binding it.
        /// </summary>
        public static IEnumerable<(BlockSyntax? Block, ArrowExpressionClauseSyntax? Arrow)> DeclaredBodies(IMethodSymbol method)
        {
            foreach (var reference in method.OriginalDefinition.DeclaringSyntaxReferences)
            {
                switch (reference.GetSyntax())
                {
                    case MethodDeclarationSyntax declaration:
                        yield return (declaration.Body, declaration.ExpressionBody);
                        break;
                    case LocalFunctionStatementSyntax local:
                        yield return (local.Body, local.ExpressionBody);
                        break;
                }
            }
        }

        /// <summary>The value an operation stands for, without conversions, parentheses, argument wrappers and awaits.</summary>
        public static IOperation Unwrap(IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    case IArgumentOperation argument:
                        operation = argument.Value;
                        continue;
                    case IAwaitOperation awaited:
                        operation = awaited.Operation;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>The root of the operation tree an operation belongs to (its member's body).</summary>
        public static IOperation Root(IOperation operation)
        {
            while (operation.Parent is not null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        /// <summary>The lambda or local function an operation is in, or null when it is in the member body itself.</summary>
        public static IOperation? EnclosingFunction(IOperation operation)
        {
            for (var p = operation.Parent; p is not null; p = p.Parent)
            {
                if (p is IAnonymousFunctionOperation || p is ILocalFunctionOperation)
                {
                    return p;
                }
            }

            return null;
        }

        /// <summary>The symbol of the innermost lambda or local function around an operation, or null.</summary>
        public static IMethodSymbol? EnclosingFunctionSymbol(IOperation operation) => EnclosingFunction(operation) switch
        {
            IAnonymousFunctionOperation lambda => lambda.Symbol,
            ILocalFunctionOperation local => local.Symbol,
            _ => null,
        };

        /// <summary>Whether <paramref name="operation"/> lies inside <paramref name="ancestor"/>.</summary>
        public static bool IsWithin(IOperation operation, IOperation ancestor)
        {
            for (var p = operation; p is not null; p = p.Parent)
            {
                if (p == ancestor)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Whether the value of a call is thrown away: <c>Lookup(x);</c> or <c>await LookupAsync(x);</c>.</summary>
        public static bool IsDiscarded(IOperation operation)
        {
            var current = operation;
            while (current.Parent is IAwaitOperation or IConversionOperation)
            {
                current = current.Parent;
            }

            return current.Parent is IExpressionStatementOperation || current.Parent is IDiscardOperation;
        }

        /// <summary>Whether any operation in <paramref name="root"/> (not in nested functions) throws.</summary>
        public static bool Throws(IOperation root)
        {
            if (root is IThrowOperation)
            {
                return true;
            }

            foreach (var child in root.ChildOperations)
            {
                if (child is IAnonymousFunctionOperation || child is ILocalFunctionOperation)
                {
                    continue;
                }

                if (Throws(child))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
