using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
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
