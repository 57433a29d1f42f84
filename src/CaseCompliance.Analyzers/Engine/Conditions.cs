using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.FlowAnalysis;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>The operations of a body as the compiler built them, by syntax: graph operations are rewritten copies.</summary>
    internal sealed class OriginalOperations
    {
        private readonly Dictionary<SyntaxNode, IOperation> bySyntax = new Dictionary<SyntaxNode, IOperation>();

        public OriginalOperations(IEnumerable<IOperation> roots)
        {
            foreach (var root in roots)
            {
                foreach (var operation in root.DescendantsAndSelf())
                {
                    if (!bySyntax.ContainsKey(operation.Syntax))
                    {
                        bySyntax.Add(operation.Syntax, operation); // the outermost operation of each node
                    }
                }
            }
        }

        public IOperation? Find(SyntaxNode syntax) => bySyntax.TryGetValue(syntax, out var operation) ? operation : null;
    }

    /// <summary>
    /// Which conditions are checks for a path rule, and which of their values means the check passed: a call of
    /// the cover role whose bool result is tested; a member of the status role read as true (<c>p.IsAttested</c>,
    /// <c>p.Status == Attested</c>, <c>p.Status is Attested</c>); a comparison of a value of the compared role with
    /// another value (<c>==</c>, <c>!=</c>, <c>Equals</c>, <c>string.Equals</c>, <c>ReferenceEquals</c>) — it passes
    /// when they differ. Negation and locals assigned once from a check are followed.
    /// </summary>
    internal sealed class Conditions
    {
        private readonly CaseModel model;
        private readonly PathRule rule;
        private readonly OriginalOperations originals;
        private readonly ControlFlowGraph graph;
        private readonly IParameterSymbol? compared;
        private readonly System.Func<IInvocationOperation, bool?>? helperCheck;
        private Dictionary<CaptureId, IOperation>? captures;

        // compared: when the body has a parameter the check is about (the [Attester]), a comparison must involve it.
        // helperCheck: for a call to a bool method of the compilation, the value of its result that means a check
        // passed inside it (a summary), or null when it is no check.
        public Conditions(CaseModel model, PathRule rule, OriginalOperations originals, ControlFlowGraph graph, IParameterSymbol? compared = null,
            System.Func<IInvocationOperation, bool?>? helperCheck = null)
        {
            this.model = model;
            this.rule = rule;
            this.originals = originals;
            this.graph = graph;
            this.compared = compared;
            this.helperCheck = helperCheck;
        }

        /// <summary>
        /// The value of a bool expression that means a check passed, or null when it says nothing: what a method that
        /// returns it tells its caller. <c>a &amp;&amp; b</c> passes when true if either does; <c>a || b</c> when false if either does.
        /// </summary>
        public bool? ValueOutcome(IOperation value, int depth = 0)
        {
            value = Calls.Unwrap(originals.Find(value.Syntax) is { } original && original.Syntax == value.Syntax ? original : value);
            if (value is IReturnOperation { ReturnedValue: { } returned })
            {
                value = Calls.Unwrap(returned);
            }

            if (depth > 6)
            {
                return null;
            }

            switch (value)
            {
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalAnd } and:
                    return ValueOutcome(and.LeftOperand, depth + 1) == true || ValueOutcome(and.RightOperand, depth + 1) == true ? true : null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.ConditionalOr } or:
                    return ValueOutcome(or.LeftOperand, depth + 1) == false || ValueOutcome(or.RightOperand, depth + 1) == false ? false : null;
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Flip(ValueOutcome(not.Operand, depth + 1));
                default:
                    return Classify(value, depth);
            }
        }

        /// <summary>The value of the block's condition that means the check passed, or null when it is no check.</summary>
        public bool? PassingOutcome(BasicBlock block)
        {
            if (block.BranchValue is not { } value)
            {
                return null;
            }

            // A switch arm tests a captured value: `p.State switch { PaymentState.Attested => ... }`.
            if (value is IIsPatternOperation { Value: IFlowCaptureReferenceOperation capture } armTest
                && Captured(capture.Id) is { } captured && IsStatusRead(originals.Find(captured.Syntax) ?? captured))
            {
                return PatternOutcome(armTest.Pattern) is { } armOutcome && (armTest.Pattern is not IConstantPatternOperation constantArm || MeansPassed(constantArm.Value))
                    ? armOutcome
                    : null;
            }

            // A switch statement's case label compares the captured value: `switch (p.State) { case Attested: ... }`.
            if (value is IBinaryOperation { OperatorKind: BinaryOperatorKind.Equals } caseTest
                && (caseTest.LeftOperand as IFlowCaptureReferenceOperation ?? caseTest.RightOperand as IFlowCaptureReferenceOperation) is { } caseCapture
                && Captured(caseCapture.Id) is { } switched && IsStatusRead(originals.Find(switched.Syntax) ?? switched))
            {
                var label = caseTest.LeftOperand is IFlowCaptureReferenceOperation ? caseTest.RightOperand : caseTest.LeftOperand;
                if (label.ConstantValue is { HasValue: true, Value: bool attested })
                {
                    return attested; // `case false:` is the branch where the status does not hold
                }

                return MeansPassed(label) ? true : null;
            }

            return Classify(originals.Find(value.Syntax) ?? value, 0);
        }

        private IOperation? Captured(CaptureId id)
        {
            if (captures is null)
            {
                captures = new Dictionary<CaptureId, IOperation>();
                foreach (var block in graph.Blocks)
                {
                    foreach (var operation in block.Operations)
                    {
                        if (operation is IFlowCaptureOperation flowCapture && !captures.ContainsKey(flowCapture.Id))
                        {
                            captures.Add(flowCapture.Id, flowCapture.Value);
                        }
                    }
                }
            }

            return captures.TryGetValue(id, out var value) ? value : null;
        }

        private bool? Classify(IOperation operation, int depth)
        {
            operation = Calls.Unwrap(operation);
            if (depth > 6)
            {
                return null;
            }

            switch (operation)
            {
                case IUnaryOperation { OperatorKind: UnaryOperatorKind.Not } not:
                    return Flip(Classify(not.Operand, depth + 1));
                case ILocalReferenceOperation local:
                    return ValueIdentity.CopySource(local) is { } source ? Classify(source, depth + 1) : null;
                case IInvocationOperation invocation:
                    if (IsCheckCall(invocation.TargetMethod))
                    {
                        return rule.PassesWhenTrue(invocation.TargetMethod.Name);
                    }

                    if (IsStatus(invocation.TargetMethod))
                    {
                        return true;
                    }

                    if (EqualityOperands(invocation) is { } pair && IsComparisonCheck(pair.Left, pair.Right))
                    {
                        return false;
                    }

                    return helperCheck?.Invoke(invocation);
                case IPropertyReferenceOperation or IFieldReferenceOperation when IsStatusRead(operation):
                    return true;
                case IBinaryOperation binary when binary.OperatorKind is BinaryOperatorKind.Equals or BinaryOperatorKind.NotEquals:
                    var equals = binary.OperatorKind == BinaryOperatorKind.Equals;
                    if (IsStatusRead(binary.LeftOperand) || IsStatusRead(binary.RightOperand))
                    {
                        // p.IsAttested == false and p.Status != Attested pass when false.
                        var other = IsStatusRead(binary.LeftOperand) ? binary.RightOperand : binary.LeftOperand;
                        if (!MeansPassed(other))
                        {
                            return null; // `State == Prepared` says nothing about an attestation
                        }

                        var negative = other.ConstantValue is { HasValue: true, Value: false };
                        return equals != negative;
                    }

                    return IsComparisonCheck(binary.LeftOperand, binary.RightOperand) ? !equals : null;
                case IIsPatternOperation pattern when IsStatusRead(pattern.Value):
                    return PatternOutcome(pattern.Pattern);
                case IIsPatternOperation { Pattern: IRecursivePatternOperation recursive }:
                    // p is { State: PaymentState.Attested }: the status subpattern decides; a negated one only when alone.
                    foreach (var sub in recursive.PropertySubpatterns)
                    {
                        if (IsStatusRead(sub.Member))
                        {
                            var outcome = PatternOutcome(sub.Pattern);
                            return outcome == true || recursive.PropertySubpatterns.Length == 1 && recursive.DeconstructionSubpatterns.IsEmpty ? outcome : null;
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        private static bool? Flip(bool? value) => value is { } v ? !v : null;

        /// <summary>
        /// Whether a value a status is compared with stands for "passed": <c>true</c>/<c>false</c>, or an enum member whose
        /// name the rule's <c>passedValues</c> match (and its <c>failedValues</c> do not). Other members say nothing.
        /// </summary>
        private bool MeansPassed(IOperation value)
        {
            value = Calls.Unwrap(value);
            if (value.ConstantValue is { HasValue: true, Value: bool })
            {
                return true;
            }

            return value is IFieldReferenceOperation { Field: { ContainingType.TypeKind: TypeKind.Enum } field } && rule.MeansPassed(field.Name);
        }

        /// <summary>A pattern on a status value: <c>true</c>/<c>Attested</c> passes when matched, <c>false</c>/<c>not ...</c> when not.</summary>
        private bool? PatternOutcome(IPatternOperation pattern) => pattern switch
        {
            INegatedPatternOperation negated => Flip(PatternOutcome(negated.Pattern)),
            IConstantPatternOperation { Value.ConstantValue: { HasValue: true, Value: false } } => false,
            IConstantPatternOperation constant when MeansPassed(constant.Value) => true,
            _ => null,
        };


        /// <summary>A cover call that returns bool: it checks, and its result says whether the check passed.</summary>
        private bool IsCheckCall(IMethodSymbol method) => model.HasRole(method, rule.Cover) && ReturnsBool(method);

        private bool IsStatus(IMethodSymbol method) => model.HasRole(method, rule.Status);

        private bool IsStatusRead(IOperation operation)
        {
            operation = Calls.Unwrap(operation);
            if (rule.Status.IsEmpty)
            {
                return false;
            }

            return operation switch
            {
                IPropertyReferenceOperation p => model.HasRole(p.Property, rule.Status),
                IFieldReferenceOperation f => model.HasRole(f.Field, rule.Status),
                IInvocationOperation i => model.HasRole(i.TargetMethod, rule.Status),
                ILocalReferenceOperation l => ValueIdentity.CopySource(l) is { } source && IsStatusRead(source),
                _ => false,
            };
        }

        /// <summary>One side is a value of the compared role (a member or parameter, or a copy), the other any non-constant value.</summary>
        private bool IsComparisonCheck(IOperation left, IOperation right)
        {
            if (rule.CompareWith.IsEmpty)
            {
                return false;
            }

            return IsRoleValue(left, 0) && IsOtherSide(right) || IsRoleValue(right, 0) && IsOtherSide(left);
        }

        /// <summary>The value compared with the role value: the body's own parameter when it has one, else any non-constant.</summary>
        private bool IsOtherSide(IOperation operation)
        {
            if (IsConstant(operation) || IsRoleValue(operation, 0))
            {
                return false;
            }

            if (compared is null)
            {
                return true;
            }

            operation = Calls.Unwrap(operation);
            for (var depth = 0; depth < 4 && operation is ILocalReferenceOperation local && ValueIdentity.CopySource(local) is { } source; depth++)
            {
                operation = Calls.Unwrap(source);
            }

            return operation is IParameterReferenceOperation parameter && SymbolEqualityComparer.Default.Equals(parameter.Parameter, compared);
        }

        private bool IsRoleValue(IOperation operation, int depth)
        {
            operation = Calls.Unwrap(operation);
            return operation switch
            {
                IPropertyReferenceOperation p => model.HasRole(p.Property, rule.CompareWith),
                IFieldReferenceOperation f => model.HasRole(f.Field, rule.CompareWith),
                IParameterReferenceOperation p => model.HasRole(p.Parameter, rule.CompareWith),
                ILocalReferenceOperation l when depth < 4 => ValueIdentity.CopySource(l) is { } source && IsRoleValue(source, depth + 1),
                _ => false,
            };
        }

        private static bool IsConstant(IOperation operation)
        {
            operation = Calls.Unwrap(operation);
            return operation.ConstantValue.HasValue || operation is IDefaultValueOperation;
        }

        /// <summary>The two values an equality call compares: <c>a.Equals(b)</c>, <c>Equals(a, b)</c>, <c>string.Equals(a, b, c)</c>.</summary>
        private static (IOperation Left, IOperation Right)? EqualityOperands(IInvocationOperation invocation)
        {
            var method = invocation.TargetMethod;
            if (method.Name != "Equals" && method.Name != "ReferenceEquals" || !ReturnsBool(method))
            {
                return null;
            }

            if (!method.IsStatic && invocation.Instance is { } instance && invocation.Arguments.Length >= 1)
            {
                return (instance, invocation.Arguments[0].Value);
            }

            if (method.IsStatic && invocation.Arguments.Length >= 2)
            {
                return (invocation.Arguments[0].Value, invocation.Arguments[1].Value);
            }

            return null;
        }

        internal static bool ReturnsBool(IMethodSymbol method) => method.ReturnType.SpecialType == SpecialType.System_Boolean
            || method.ReturnType is INamedTypeSymbol { Arity: 1 } task && task.Name is "Task" or "ValueTask"
                && task.TypeArguments[0].SpecialType == SpecialType.System_Boolean;
    }
}
