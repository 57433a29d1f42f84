using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>Whether a value decides a condition, directly or through a local that a condition reads.</summary>
    internal static class ConditionPositions
    {
        /// <summary>The LINQ methods whose lambda is a predicate or a key: reading data there decides which items count or come first.</summary>
        private static readonly string[] LinqPredicates =
        {
            "Where", "OrderBy", "OrderByDescending", "ThenBy", "ThenByDescending", "GroupBy", "ToLookup", "First", "FirstOrDefault",
            "Single", "SingleOrDefault", "Last", "LastOrDefault", "Any", "All", "Count", "LongCount", "SkipWhile", "TakeWhile",
            "DistinctBy", "MinBy", "MaxBy", "Partition",
        };

        /// <summary>True when <paramref name="value"/> decides a condition, or is stored in a local that one reads.</summary>
        public static bool Decides(IOperation value) => Decides(value, 0);

        private static bool Decides(IOperation value, int depth)
        {
            var (inCondition, local) = Find(value);
            if (inCondition)
            {
                return true;
            }

            if (local is null || depth > 3)
            {
                return false;
            }

            // var older = p.Age > 60; if (older) ...
            foreach (var reference in Calls.Root(value).Descendants())
            {
                if (reference is ILocalReferenceOperation use && SymbolEqualityComparer.Default.Equals(use.Local, local)
                    && !DataReads.IsNotARead(use) && Decides(use, depth + 1))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Walks up from a value: a condition it decides, or the local its statement stores it in.</summary>
        private static (bool InCondition, ILocalSymbol? Local) Find(IOperation value)
        {
            var child = value;
            for (var parent = value.Parent; parent is not null; child = parent, parent = parent.Parent)
            {
                switch (parent)
                {
                    case IConditionalOperation conditional when conditional.Condition == child:
                    case IWhileLoopOperation loop when loop.Condition == child:
                    case IForLoopOperation forLoop when forLoop.Condition == child:
                    case ISwitchOperation switchStatement when switchStatement.Value == child:
                    case ISwitchExpressionOperation switchExpression when switchExpression.Value == child:
                    case ISwitchExpressionArmOperation arm when arm.Guard == child:
                    case IPatternCaseClauseOperation clause when clause.Guard == child:
                    case ISingleValueCaseClauseOperation:
                    case IIsPatternOperation pattern when pattern.Value == child:
                    case IPropertySubpatternOperation:
                    case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.ConditionalOr }:
                    case ICoalesceOperation coalesce when coalesce.Value == child:
                        return (true, null);
                    case IAnonymousFunctionOperation lambda:
                        return (IsLinqPredicate(lambda), null);
                    case IVariableDeclaratorOperation declarator:
                        return (false, declarator.Symbol);
                    case ISimpleAssignmentOperation { Target: ILocalReferenceOperation target } assignment when assignment.Value == child:
                        return (false, target.Local);
                    case IReturnOperation when parent.Parent is IBlockOperation { Parent: IAnonymousFunctionOperation }:
                    case IBlockOperation { Parent: IAnonymousFunctionOperation }:
                        continue; // a lambda's result: whether it decides depends on where the lambda goes (LINQ)
                    case ILocalFunctionOperation:
                    case IBlockOperation:
                    case IExpressionStatementOperation:
                    case IReturnOperation:
                        return (false, null);
                }
            }

            return (false, null);
        }

        private static bool IsLinqPredicate(IAnonymousFunctionOperation lambda)
        {
            var parent = lambda.Parent;
            while (parent is IDelegateCreationOperation or IConversionOperation)
            {
                parent = parent.Parent;
            }

            if (parent is not IArgumentOperation { Parent: IInvocationOperation invocation })
            {
                return false;
            }

            var method = invocation.TargetMethod;
            var type = method.ContainingType;
            return type?.ContainingNamespace?.Name == "Linq" && type.ContainingNamespace.ContainingNamespace?.Name == "System"
                && System.Array.IndexOf(LinqPredicates, method.Name) >= 0;
        }
    }
}
