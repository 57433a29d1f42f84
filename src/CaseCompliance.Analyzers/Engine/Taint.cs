using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using CaseCompliance.Analyzers.Model;

namespace CaseCompliance.Analyzers.Engine
{
    /// <summary>
    /// Where a value's personal data comes from, within one body and through the methods and fields it uses: a
    /// personal-data read, directly or through locals (any write to a local that carries data taints it, also an
    /// <c>Add</c> to a collection, an indexer write, a deconstruction, a <c>foreach</c> over a tainted sequence, an
    /// <c>out</c> argument), string interpolation, concatenation, <c>string</c>'s static methods, <c>StringBuilder</c>,
    /// <c>ToString()</c>, string methods of a tainted string, <c>?:</c>, <c>??</c>, <c>?.</c>, tuples, LINQ, collection
    /// and object initializers, anonymous objects; a helper of the compilation that returns data or passes its argument
    /// through, a computed property, a field or property its type assigns data to (<see cref="FlowSummaries"/>); a
    /// whole record (its generated <c>ToString</c> prints every member) or an object whose <c>ToString</c> returns data.
    /// A redactor's result is clean.
    /// </summary>
    internal sealed class Taint
    {
        private readonly CaseModel model;
        private readonly Sinks sinks;
        private readonly IOperation body;
        private readonly System.Func<ISymbol, bool> isSource;
        private readonly FlowSummaries? summaries;
        private readonly int depth;
        private readonly IMethodSymbol? summarized;
        private readonly CancellationToken cancellationToken;
        private readonly Dictionary<ILocalSymbol, (ISymbol? Source, IOperation? Write)> locals = new Dictionary<ILocalSymbol, (ISymbol?, IOperation?)>(SymbolEqualityComparer.Default);

        // summarized: when the taint is a summary of this method, its own parameters count as sources, so that a caller
        // learns which argument the result passes through. depth: how many calls further summaries may look.
        public Taint(CaseModel model, Sinks sinks, IOperation body, System.Func<ISymbol, bool>? isSource = null, FlowSummaries? summaries = null,
            int depth = 0, IMethodSymbol? summarized = null, CancellationToken cancellationToken = default)
        {
            this.model = model;
            this.sinks = sinks;
            this.body = body;
            this.isSource = isSource ?? (symbol => model.PersonalDataOf(symbol) is not null);
            this.summaries = summaries;
            this.depth = depth;
            this.summarized = summarized?.OriginalDefinition;
            this.cancellationToken = cancellationToken;
        }

        private HashSet<IParameterSymbol>? setAside;

        /// <summary>The personal-data member a value carries, or null when it carries none that can be seen.</summary>
        public ISymbol? Source(IOperation value) => Source(value, 0);

        /// <summary>In a summary: a parameter already found to pass through no longer counts, so the next one is found.</summary>
        public void SetAside(IParameterSymbol parameter)
        {
            (setAside ??= new HashSet<IParameterSymbol>(SymbolEqualityComparer.Default)).Add(parameter);
            locals.Clear(); // what the locals carry was worked out with it
        }

        /// <summary>The personal data a value given whole to a sink carries (a record, an anonymous object, a destructured object), else as <see cref="Source(IOperation)"/>.</summary>
        public ISymbol? SinkSource(IOperation value, bool destructured) => Source(value, 0) ?? WholeObject(value, destructured, 0);

        /// <summary>The innermost part of <paramref name="value"/> that brings the data in (what a redactor should wrap).</summary>
        public IOperation? Carrier(IOperation value)
        {
            value = Calls.Unwrap(value);
            switch (value)
            {
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation interpolation && Source(interpolation.Expression) is not null)
                        {
                            return Carrier(interpolation.Expression);
                        }
                    }

                    return null;
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return Source(binary.LeftOperand) is not null ? Carrier(binary.LeftOperand) : Carrier(binary.RightOperand);
                default:
                    return Source(value) is not null ? value : null;
            }
        }

        /// <summary>
        /// The places that bring the data of <paramref name="value"/> to it, from the sink back towards the read: the
        /// writes of the locals it passes through and the read or call that brings the data in (at most a few).
        /// </summary>
        public List<Location> Evidence(IOperation value)
        {
            var found = new List<Location>();
            var current = value;
            for (var hop = 0; hop < 6 && current is not null; hop++)
            {
                IOperation? next = null;
                foreach (var operation in current.DescendantsAndSelf())
                {
                    if (operation is ILocalReferenceOperation local && locals.TryGetValue(local.Local, out var origin) && origin.Source is not null && origin.Write is { } write)
                    {
                        found.Add(write.Syntax.GetLocation());
                        next = write;
                        break;
                    }

                    if (operation is IMemberReferenceOperation or IInvocationOperation or IParameterReferenceOperation
                        && operation.Syntax != Calls.Unwrap(value).Syntax && Source(operation) is not null)
                    {
                        // The read itself, unless it is all of the last write (`var pnr = p.Personnummer;` shows it already).
                        if (!value.Syntax.Span.Contains(operation.Syntax.Span)
                            && (hop == 0 || !current.Syntax.Span.Contains(operation.Syntax.Span) || current is not (IVariableDeclaratorOperation or IAssignmentOperation)))
                        {
                            found.Add(operation.Syntax.GetLocation());
                        }

                        return found;
                    }
                }

                current = next;
            }

            return found;
        }

        private ISymbol? Source(IOperation value, int level)
        {
            if (level > 12)
            {
                return null;
            }

            value = Calls.Unwrap(value);
            switch (value)
            {
                case IPropertyReferenceOperation or IFieldReferenceOperation:
                    return MemberSource((IMemberReferenceOperation)value, level);
                case IParameterReferenceOperation parameter:
                    if (isSource(parameter.Parameter))
                    {
                        return parameter.Parameter;
                    }

                    // In a summary, the method's own parameter: the caller knows what it passed.
                    return summarized is not null && SymbolEqualityComparer.Default.Equals(parameter.Parameter.ContainingSymbol.OriginalDefinition, summarized)
                        && setAside?.Contains(parameter.Parameter) != true
                        ? parameter.Parameter
                        : null;
                case ILocalReferenceOperation local:
                    return LocalSource(local.Local, level);
                case IInvocationOperation invocation:
                    return InvocationSource(invocation, level);
                case IInterpolatedStringOperation interpolated:
                    foreach (var part in interpolated.Parts)
                    {
                        var found = part switch
                        {
                            IInterpolationOperation interpolation => Source(interpolation.Expression, level + 1) ?? WholeObject(interpolation.Expression, false, level + 1),
                            IInterpolatedStringAppendOperation { AppendCall: IInvocationOperation append } => AnyArgument(append.Arguments, level, whole: true),
                            _ => null,
                        };
                        if (found is not null)
                        {
                            return found;
                        }
                    }

                    return null;
                case IInterpolatedStringHandlerCreationOperation handler:
                    // `sb.Append($"...")`, `Debug.Assert(c, $"...")`: an interpolated string handler builds the text.
                    return Source(handler.Content, level + 1);
                case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } binary:
                    return Source(binary.LeftOperand, level + 1) ?? Source(binary.RightOperand, level + 1)
                        ?? WholeObject(binary.LeftOperand, false, level + 1) ?? WholeObject(binary.RightOperand, false, level + 1);
                case IConditionalOperation conditional:
                    return (conditional.WhenTrue is null ? null : Source(conditional.WhenTrue, level + 1))
                        ?? (conditional.WhenFalse is null ? null : Source(conditional.WhenFalse, level + 1));
                case ICoalesceOperation coalesce:
                    return Source(coalesce.Value, level + 1) ?? Source(coalesce.WhenNull, level + 1);
                case IConditionalAccessOperation access:
                    return Source(access.WhenNotNull, level + 1);
                case IConditionalAccessInstanceOperation:
                    for (var parent = value.Parent; parent is not null; parent = parent.Parent)
                    {
                        if (parent is IConditionalAccessOperation around)
                        {
                            return Source(around.Operation, level + 1);
                        }
                    }

                    return null;
                case ITupleOperation tuple:
                    return AnyValue(tuple.Elements, level);
                case IObjectCreationOperation creation:
                    return (IsStringBuilder(creation.Type) || IsCollection(creation.Type) ? AnyArgument(creation.Arguments, level) : null)
                        ?? (creation.Initializer is { } init ? InitializerSource(init, level) : null);
                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var initializer in anonymous.Initializers)
                    {
                        if ((initializer is IAssignmentOperation assignment ? Source(assignment.Value, level + 1) : Source(initializer, level + 1)) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IArrayCreationOperation { Initializer: { } initializer }:
                    return AnyValue(initializer.ElementValues, level);
                case IDelegateCreationOperation { Target: IAnonymousFunctionOperation lambda }:
                    // A lambda given to LINQ: what it returns (`people.Select(p => p.Personnummer)`).
                    foreach (var operation in lambda.Body.Descendants())
                    {
                        if (operation is IReturnOperation { ReturnedValue: { } returned } && Source(returned, level + 1) is { } found)
                        {
                            return found;
                        }
                    }

                    return null;
                case IWithOperation with:
                    return Source(with.Operand, level + 1) ?? Source(with.Initializer, level + 1);
                case IObjectOrCollectionInitializerOperation initializers:
                    return InitializerSource(initializers, level);
                default:
                    return null;
            }
        }

        private ISymbol? MemberSource(IMemberReferenceOperation reference, int level)
        {
            var member = DataReads.Member(reference)!;
            if (isSource(member))
            {
                return member;
            }

            // An element of a tainted collection (`list[0]`, `dict["pnr"]`) carries it; so does a string property of a tainted string.
            if (reference is IPropertyReferenceOperation { Property.IsIndexer: true } && reference.Instance is { } collection)
            {
                return Source(collection, level + 1);
            }

            if (reference.Instance is { Type.SpecialType: SpecialType.System_String } text && reference.Type?.SpecialType == SpecialType.System_String)
            {
                return Source(text, level + 1);
            }

            if (summaries is null || reference.Type?.SpecialType is SpecialType.System_Boolean or SpecialType.System_Int32)
            {
                return null;
            }

            // A computed property of the compilation, or a field or property its type assigns data to.
            if (member is IPropertySymbol { GetMethod: { } getter } && summaries.Returns(getter, depth, cancellationToken) is { } returned && returned is not IParameterSymbol)
            {
                return returned;
            }

            return member is IFieldSymbol or IPropertySymbol ? summaries.MemberSource(member.OriginalDefinition, cancellationToken) : null;
        }

        private ISymbol? InvocationSource(IInvocationOperation invocation, int level)
        {
            var method = invocation.TargetMethod;
            if (sinks.IsRedactor(method))
            {
                return null;
            }

            if (isSource(method))
            {
                return method;
            }

            // x.ToString(), a StringBuilder's Append/ToString, and string methods of a tainted string carry the data on.
            if (method.Name == "ToString" && invocation.Instance is { } instance)
            {
                return Source(instance, level + 1) ?? WholeObject(instance, false, level + 1);
            }

            if (invocation.Instance is { } receiver && (receiver.Type?.SpecialType == SpecialType.System_String && CarriesText(method) || IsStringBuilder(receiver.Type)))
            {
                return Source(receiver, level + 1) ?? (IsStringBuilder(receiver.Type) ? AnyArgument(invocation.Arguments, level, whole: true) : null);
            }

            // string.Format, string.Concat, string.Join, string.Create and friends.
            if (method.IsStatic && method.ContainingType?.SpecialType == SpecialType.System_String)
            {
                return AnyArgument(invocation.Arguments, level, whole: true);
            }

            // LINQ and other extension methods over a sequence: the sequence, or what a lambda returns.
            if (method.IsExtensionMethod && method.ContainingNamespace?.ToDisplayString() is "System.Linq" or "System.Collections.Generic")
            {
                return AnyArgument(invocation.Arguments, level);
            }

            // A value taken out of a tainted collection: `list.First()`, `queue.Dequeue()`, `dict.GetValueOrDefault(k)`.
            if (invocation.Instance is { } collection && IsCollection(collection.Type) && !method.ReturnsVoid
                && method.ReturnType.SpecialType is not (SpecialType.System_Boolean or SpecialType.System_Int32))
            {
                if (Source(collection, level + 1) is { } found)
                {
                    return found;
                }
            }

            if (summaries is null || depth < 0)
            {
                return null;
            }

            // A local function, or a method of the compilation: what it returns, or the argument it passes through.
            ISymbol? returned;
            if (method.MethodKind == MethodKind.LocalFunction)
            {
                returned = LocalFunctionSource(method);
            }
            else
            {
                returned = summaries.Returns(method, depth, cancellationToken);
            }

            if (returned is IParameterSymbol parameter && SymbolEqualityComparer.Default.Equals(parameter.ContainingSymbol.OriginalDefinition, (method.ReducedFrom ?? method).OriginalDefinition))
            {
                // Every argument the result passes through: Join(p.CaseId, p.Personnummer) carries the personnummer.
                var through = method.MethodKind == MethodKind.LocalFunction
                    ? new[] { parameter }
                    : summaries.PassedThrough(method, depth, cancellationToken);
                foreach (var passed in through)
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.Parameter?.Ordinal == passed.Ordinal && Source(argument.Value, level + 1) is { } carried)
                        {
                            return carried;
                        }
                    }
                }

                return null;
            }

            return returned;
        }

        private ISymbol? LocalFunctionSource(IMethodSymbol local)
        {
            foreach (var operation in body.Descendants())
            {
                if (operation is ILocalFunctionOperation function && SymbolEqualityComparer.Default.Equals(function.Symbol, local.OriginalDefinition)
                    && function.Body is { } localBody)
                {
                    var inner = new Taint(model, sinks, body, isSource, summaries, depth - 1, function.Symbol, cancellationToken);
                    foreach (var candidate in localBody.Descendants())
                    {
                        if (candidate is IReturnOperation { ReturnedValue: { } value } && inner.Source(value) is { } found)
                        {
                            return found;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>
        /// What an object given whole carries: an anonymous object's members; a record's (its generated <c>ToString</c>
        /// prints them); with <paramref name="destructured"/> (a <c>{@Person}</c> template), any object's; an object whose
        /// <c>ToString</c> in source returns data.
        /// </summary>
        private ISymbol? WholeObject(IOperation value, bool destructured, int level)
        {
            value = Calls.Unwrap(value);
            if (level > 12 || value.Type is not INamedTypeSymbol type || type.SpecialType != SpecialType.None || type.TypeKind is TypeKind.Enum or TypeKind.Delegate)
            {
                return null;
            }

            if (destructured || type.IsRecord)
            {
                for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
                {
                    foreach (var member in t.GetMembers())
                    {
                        if (member is IPropertySymbol { IsStatic: false } or IFieldSymbol { IsStatic: false, IsImplicitlyDeclared: false } && isSource(member))
                        {
                            return member;
                        }
                    }
                }
            }

            if (summaries is not null && depth >= 0)
            {
                for (var t = type; t is not null && t.SpecialType != SpecialType.System_Object; t = t.BaseType)
                {
                    foreach (var member in t.GetMembers("ToString"))
                    {
                        if (member is IMethodSymbol { Parameters.Length: 0, IsOverride: true, IsImplicitlyDeclared: false } toString
                            && summaries.Returns(toString, depth, cancellationToken) is { } found && found is not IParameterSymbol)
                        {
                            return found;
                        }
                    }
                }
            }

            return null;
        }

        private ISymbol? InitializerSource(IObjectOrCollectionInitializerOperation initializer, int level)
        {
            foreach (var element in initializer.Initializers)
            {
                var found = element switch
                {
                    IAssignmentOperation assignment => Source(assignment.Value, level + 1),
                    IInvocationOperation add => AnyArgument(add.Arguments, level),
                    _ => Source(element, level + 1),
                };
                if (found is not null)
                {
                    return found;
                }
            }

            return null;
        }

        private ISymbol? AnyArgument(IEnumerable<IArgumentOperation> arguments, int level, bool whole = false)
        {
            foreach (var argument in arguments)
            {
                if ((Source(argument.Value, level + 1) ?? (whole ? WholeObject(argument.Value, false, level + 1) : null)) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        private ISymbol? AnyValue(IEnumerable<IOperation> values, int level)
        {
            foreach (var value in values)
            {
                if (Source(value, level + 1) is { } found)
                {
                    return found;
                }
            }

            return null;
        }

        /// <summary>A local carries data when any write to it does (flow-insensitive): an assignment, an <c>Add</c> or an indexer write to it, a deconstruction into it, a <c>foreach</c> over data, an <c>out</c> argument.</summary>
        private ISymbol? LocalSource(ILocalSymbol local, int level)
        {
            if (locals.TryGetValue(local, out var known))
            {
                return known.Source;
            }

            locals[local] = (null, null); // a cycle through the same local adds nothing
            ISymbol? found = null;
            IOperation? write = null;
            foreach (var operation in body.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                switch (operation)
                {
                    case IVariableDeclaratorOperation declarator when Is(declarator.Symbol, local) && declarator.Initializer is { } initializer:
                        found = Source(initializer.Value, level + 1);
                        break;
                    case IAssignmentOperation { Target: ILocalReferenceOperation target } assignment when Is(target.Local, local):
                        found = Source(assignment.Value, level + 1);
                        break;
                    case IAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true, Instance: ILocalReferenceOperation indexed } } assignment
                        when Is(indexed.Local, local):
                        found = Source(assignment.Value, level + 1);
                        break;
                    case IInvocationOperation { Instance: ILocalReferenceOperation receiver } call when Is(receiver.Local, local)
                        && (IsStringBuilder(receiver.Type) || IsCollection(receiver.Type) && Adds(call.TargetMethod)):
                        found = AnyArgument(call.Arguments, level, whole: IsStringBuilder(receiver.Type));
                        break;
                    case IDeconstructionAssignmentOperation deconstruction:
                        found = DeconstructedSource(deconstruction, local, level);
                        break;
                    case IForEachLoopOperation { LoopControlVariable: IVariableDeclaratorOperation variable } loop when Is(variable.Symbol, local):
                        found = Source(loop.Collection, level + 1);
                        break;
                    case IArgumentOperation { Parameter.RefKind: RefKind.Out, Value: var target, Parent: IInvocationOperation { Instance: { } source } }
                        when Calls.Unwrap(target) is ILocalReferenceOperation outLocal && Is(outLocal.Local, local)
                        || Calls.Unwrap(target) is IDeclarationExpressionOperation { Expression: ILocalReferenceOperation declared } && Is(declared.Local, local):
                        found = Source(source, level + 1);
                        break;
                }

                if (found is not null)
                {
                    write = operation;
                    break;
                }
            }

            locals[local] = (found, write);
            return found;
        }

        private ISymbol? DeconstructedSource(IDeconstructionAssignmentOperation deconstruction, ILocalSymbol local, int level)
        {
            var target = deconstruction.Target is IDeclarationExpressionOperation { Expression: var declared } ? declared : deconstruction.Target;
            if (target is not ITupleOperation targets)
            {
                return null;
            }

            for (var i = 0; i < targets.Elements.Length; i++)
            {
                var element = targets.Elements[i] is IDeclarationExpressionOperation { Expression: var inner } ? inner : targets.Elements[i];
                if (element is ILocalReferenceOperation reference && Is(reference.Local, local))
                {
                    return Calls.Unwrap(deconstruction.Value) is ITupleOperation values && values.Elements.Length == targets.Elements.Length
                        ? Source(values.Elements[i], level + 1)
                        : Source(deconstruction.Value, level + 1);
                }
            }

            return null;
        }

        private static bool Is(ILocalSymbol a, ILocalSymbol b) => SymbolEqualityComparer.Default.Equals(a, b);

        /// <summary>A method that puts a value into a collection.</summary>
        private static bool Adds(IMethodSymbol method) => method.Name is "Add" or "AddRange" or "Insert" or "InsertRange" or "Push" or "Enqueue" or "TryAdd"
            or "AddOrUpdate" or "GetOrAdd" or "Set" or "Append" or "Prepend" or "AddFirst" or "AddLast";

        /// <summary>A string method whose result still holds the text (Trim, Substring, ToUpper...), not a number or a bool.</summary>
        private static bool CarriesText(IMethodSymbol method)
            => method.ReturnType.SpecialType is SpecialType.System_String or SpecialType.System_Char || method.ReturnType is IArrayTypeSymbol;

        private bool IsStringBuilder(ITypeSymbol? type) => model.Symbols.StringBuilder is { } builder && SymbolEqualityComparer.Default.Equals(type, builder);

        /// <summary>A collection: a type in System.Collections (generic, concurrent, immutable) or an array.</summary>
        private static bool IsCollection(ITypeSymbol? type)
            => type is IArrayTypeSymbol
            || type?.ContainingNamespace?.ToDisplayString() is "System.Collections.Generic" or "System.Collections" or "System.Collections.Concurrent" or "System.Collections.Immutable" or "System.Collections.ObjectModel";
    }
}
