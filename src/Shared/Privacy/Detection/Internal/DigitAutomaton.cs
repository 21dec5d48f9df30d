using System.Runtime.InteropServices;

namespace SyntheticData.Privacy.Detection.Internal;

/// <summary>
/// A deterministic automaton over the digits 0 to 9 that matches several whole-string patterns at once, such as a phone
/// region's general and number-type patterns. Running it reads each digit once and returns, as a bit mask, which of the
/// patterns match the whole text. The patterns must use the subset of regular expressions that phone metadata uses:
/// digits, character classes of digits and ranges, non-capturing groups, alternation, and the quantifiers <c>?</c>,
/// <c>{n}</c> and <c>{n,m}</c>. Threads may share an automaton.
/// </summary>
/// <remarks>
/// The deterministic states are built lazily: a transition is computed (by subset construction) the first time a match
/// takes it, and kept. Building every state up front took about 8 ms for the 25 regions of the calling code +1, most of
/// the start-up of a US phone scan, while matches in practice visit a small part of them. Beyond the state limit given
/// to <see cref="TryCreate"/>, new transitions are no longer kept, and a match that needs one follows the
/// nondeterministic automaton for its remaining digits, with the same result.
/// </remarks>
internal sealed class DigitAutomaton
{
    /// <summary>The maximum number of patterns one automaton combines, one bit of the match mask each.</summary>
    public const int MaximumPatterns = 32;

    private const int Dead = -1;

    // A transition not computed yet.
    private const int Unknown = -2;

    // The result of Expand when the state limit stops it from adding the target state.
    private const int OverLimit = -3;

    // Guarded by its own lock: the nondeterministic automaton and the subset construction's state.
    private readonly Builder _builder;

    // Replaced when states are added, so a match reads arrays that cover every state it can reach. Transitions between
    // existing states are written into the current arrays in place.
    private volatile Tables _tables;

    private DigitAutomaton(Builder builder)
    {
        _builder = builder;
        _tables = builder.Publish();
    }

    /// <summary>The number of deterministic states built so far.</summary>
    internal int StateCount => _tables.Count;

    /// <summary>
    /// Builds the automaton of <paramref name="patterns"/>, or returns null when a pattern uses syntax outside the
    /// supported subset. At most <paramref name="maximumStates"/> deterministic states are kept.
    /// </summary>
    public static DigitAutomaton? TryCreate(IReadOnlyList<string> patterns, int maximumStates)
    {
        ArgumentNullException.ThrowIfNull(patterns);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(patterns.Count, MaximumPatterns);
        ArgumentOutOfRangeException.ThrowIfLessThan(maximumStates, 1);
        var nfa = new Nfa();
        int start = nfa.AddState();
        for (int i = 0; i < patterns.Count; i++)
        {
            Node? tree = PatternParser.TryParse(patterns[i]);
            if (tree is null)
            {
                return null;
            }

            (int first, int last) = nfa.Build(tree);
            nfa.AddEpsilon(start, first);
            nfa.MarkAccepting(last, 1u << i);
        }

        return new DigitAutomaton(new Builder(nfa, start, maximumStates));
    }

    /// <summary>Returns the mask of the patterns that match all of <paramref name="text"/>, or 0 when a character is not a digit.</summary>
    public uint Match(ReadOnlySpan<char> text)
    {
        Tables tables = _tables;
        int state = 0;
        for (int i = 0; i < text.Length; i++)
        {
            uint digit = (uint)(text[i] - '0');
            if (digit > 9)
            {
                return 0;
            }

            int next = tables.Next[(state * 10) + (int)digit];
            if (next == Unknown)
            {
                next = Expand(state, (int)digit);
                if (next == OverLimit)
                {
                    return Simulate(state, text[i..]);
                }

                tables = _tables;
            }

            if (next == Dead)
            {
                return 0;
            }

            state = next;
        }

        return tables.Matches[state];
    }

    /// <summary>Builds every state reachable from the start, up to the state limit, and returns how many there are.</summary>
    internal int BuildAll()
    {
        for (int state = 0; state < _tables.Count; state++)
        {
            for (int digit = 0; digit < 10; digit++)
            {
                if (_tables.Next[(state * 10) + digit] == Unknown && Expand(state, digit) == OverLimit)
                {
                    return _tables.Count;
                }
            }
        }

        return _tables.Count;
    }

    // Computes, keeps and returns the target of one transition, or OverLimit.
    private int Expand(int state, int digit)
    {
        lock (_builder)
        {
            int next = _builder.Transition(state, digit);
            _tables = _builder.Publish();
            return next;
        }
    }

    private uint Simulate(int state, ReadOnlySpan<char> rest)
    {
        // Runs without the deterministic states, and only on texts whose next state is beyond the limit.
        lock (_builder)
        {
            return _builder.Simulate(state, rest);
        }
    }

    /// <summary>The transitions (<c>Next[state * 10 + digit]</c>, or Dead or Unknown) and match masks of the states built so far.</summary>
    private sealed class Tables(int[] next, uint[] matches, int count)
    {
        public int[] Next { get; } = next;

        public uint[] Matches { get; } = matches;

        public int Count { get; } = count;
    }

    /// <summary>
    /// Subset construction on demand: each deterministic state is the sorted set of nondeterministic states reachable
    /// after the digits read so far. Closures are computed in a reused buffer and looked up as spans, so only a new set
    /// is copied into an array. Not thread-safe: the automaton calls it under a lock.
    /// </summary>
    private sealed class Builder
    {
        private readonly Nfa _nfa;
        private readonly int _maximumStates;
        private readonly Dictionary<int[], int> _ids = new(StateSetComparer.Instance);
        private readonly Dictionary<int[], int>.AlternateLookup<ReadOnlySpan<int>> _idsBySpan;
        private readonly List<int[]> _sets = [];
        private readonly List<int> _moved = [];
        private readonly ClosureBuilder _closure;
        private int[] _next = new int[10 * 16];
        private uint[] _matches = new uint[16];
        private Tables? _published;

        public Builder(Nfa nfa, int start, int maximumStates)
        {
            _nfa = nfa;
            _maximumStates = maximumStates;
            _idsBySpan = _ids.GetAlternateLookup<ReadOnlySpan<int>>();
            _closure = new ClosureBuilder(nfa);
            _moved.Add(start);
            Intern(_closure.Of(CollectionsMarshal.AsSpan(_moved)));
        }

        /// <summary>Returns the tables of the states built so far, new arrays only when states were added since the last call.</summary>
        public Tables Publish()
        {
            if (_published is null || _published.Count != _sets.Count)
            {
                _published = new Tables(_next, _matches, _sets.Count);
            }

            return _published;
        }

        /// <summary>Returns the target of the transition, computing and keeping it when it is unknown.</summary>
        public int Transition(int state, int digit)
        {
            int known = _next[(state * 10) + digit];
            if (known != Unknown)
            {
                return known;
            }

            ReadOnlySpan<int> target = Move(_sets[state], digit);
            int next = target.IsEmpty ? Dead : Intern(target);
            if (next != OverLimit)
            {
                // Matches read this array without the lock: the target's own row is filled before it becomes reachable.
                Volatile.Write(ref _next[(state * 10) + digit], next);
            }

            return next;
        }

        /// <summary>Returns the mask of the patterns that match when <paramref name="rest"/> follows the digits that led to <paramref name="state"/>.</summary>
        public uint Simulate(int state, ReadOnlySpan<char> rest)
        {
            int[] current = _sets[state];
            foreach (char c in rest)
            {
                uint digit = (uint)(c - '0');
                if (digit > 9)
                {
                    return 0;
                }

                ReadOnlySpan<int> target = Move(current, (int)digit);
                if (target.IsEmpty)
                {
                    return 0;
                }

                current = target.ToArray();
            }

            uint mask = 0;
            foreach (int member in current)
            {
                mask |= _nfa.Accepts(member);
            }

            return mask;
        }

        // Returns the closure of the states that the members of set move to on digit, empty when none moves.
        private ReadOnlySpan<int> Move(int[] set, int digit)
        {
            _moved.Clear();
            foreach (int member in set)
            {
                if (_nfa.Moves(member, digit) is int target)
                {
                    _moved.Add(target);
                }
            }

            return _moved.Count == 0 ? [] : _closure.Of(CollectionsMarshal.AsSpan(_moved));
        }

        // Returns the id of the state set, adding it as a new state unless the limit is reached.
        private int Intern(ReadOnlySpan<int> members)
        {
            if (_idsBySpan.TryGetValue(members, out int id))
            {
                return id;
            }

            if (_sets.Count >= _maximumStates)
            {
                return OverLimit;
            }

            id = _sets.Count;
            int[] stored = members.ToArray();
            _ids[stored] = id;
            _sets.Add(stored);
            if (id == _matches.Length)
            {
                // Resizing copies, and matches that still read the old arrays take the lock for any transition missing there.
                Array.Resize(ref _matches, _matches.Length * 2);
                Array.Resize(ref _next, _next.Length * 2);
            }

            uint mask = 0;
            foreach (int member in stored)
            {
                mask |= _nfa.Accepts(member);
            }

            _matches[id] = mask;
            _next.AsSpan(id * 10, 10).Fill(Unknown);
            return id;
        }
    }

    /// <summary>Computes closures over empty edges in one reused marker array and member buffer.</summary>
    private sealed class ClosureBuilder(Nfa nfa)
    {
        private readonly int[] _seen = new int[nfa.StateCount];
        private readonly Stack<int> _pending = new();
        private readonly List<int> _members = [];
        private int _stamp;

        /// <summary>
        /// Returns the sorted states reachable from <paramref name="states"/> through empty edges, themselves included.
        /// The span is the builder's buffer, valid until the next call.
        /// </summary>
        public ReadOnlySpan<int> Of(ReadOnlySpan<int> states)
        {
            _stamp++;
            _members.Clear();
            foreach (int state in states)
            {
                _pending.Push(state);
            }

            while (_pending.Count > 0)
            {
                int state = _pending.Pop();
                if (_seen[state] == _stamp)
                {
                    continue;
                }

                _seen[state] = _stamp;
                _members.Add(state);
                foreach (int next in nfa.EpsilonEdges(state))
                {
                    _pending.Push(next);
                }
            }

            Span<int> sorted = CollectionsMarshal.AsSpan(_members);
            sorted.Sort();
            return sorted;
        }
    }

    /// <summary>Compares sets of NFA states, as sorted arrays or spans, by their members.</summary>
    private sealed class StateSetComparer : IEqualityComparer<int[]>, IAlternateEqualityComparer<ReadOnlySpan<int>, int[]>
    {
        public static readonly StateSetComparer Instance = new();

        public bool Equals(int[]? x, int[]? y) => x.AsSpan().SequenceEqual(y);

        public int GetHashCode(int[] set) => GetHashCode(set.AsSpan());

        public bool Equals(ReadOnlySpan<int> alternate, int[] other) => alternate.SequenceEqual(other);

        public int GetHashCode(ReadOnlySpan<int> alternate)
        {
            var hash = new HashCode();
            hash.AddBytes(MemoryMarshal.AsBytes(alternate));
            return hash.ToHashCode();
        }

        public int[] Create(ReadOnlySpan<int> alternate) => alternate.ToArray();
    }

    /// <summary>A parsed pattern: a digit class, a sequence, a choice or a bounded repetition.</summary>
    private abstract record Node;

    private sealed record DigitClass(ushort Digits) : Node;

    private sealed record Sequence(IReadOnlyList<Node> Parts) : Node;

    private sealed record Choice(IReadOnlyList<Node> Options) : Node;

    private sealed record Repeat(Node Item, int Minimum, int Maximum) : Node;

    /// <summary>A nondeterministic automaton with digit-class edges and empty edges, built from parsed patterns.</summary>
    private sealed class Nfa
    {
        private readonly List<ushort> _digits = [];
        private readonly List<int> _target = [];
        private readonly List<List<int>> _epsilon = [];
        private readonly List<uint> _accepts = [];

        public int AddState()
        {
            _digits.Add(0);
            _target.Add(Dead);
            _epsilon.Add([]);
            _accepts.Add(0);
            return _digits.Count - 1;
        }

        public void AddEpsilon(int from, int to) => _epsilon[from].Add(to);

        public void MarkAccepting(int state, uint pattern) => _accepts[state] |= pattern;

        public uint Accepts(int state) => _accepts[state];

        /// <summary>Returns the state that <paramref name="state"/> moves to on <paramref name="digit"/>, or null.</summary>
        public int? Moves(int state, int digit) => (_digits[state] & (1 << digit)) != 0 ? _target[state] : null;

        /// <summary>The number of states added so far.</summary>
        public int StateCount => _digits.Count;

        /// <summary>Returns the targets of the empty edges of <paramref name="state"/>.</summary>
        public List<int> EpsilonEdges(int state) => _epsilon[state];

        /// <summary>Adds the states of <paramref name="node"/> and returns its entry and exit states (Thompson's construction).</summary>
        public (int First, int Last) Build(Node node)
        {
            switch (node)
            {
                case DigitClass digitClass:
                {
                    int first = AddState();
                    int last = AddState();
                    _digits[first] = digitClass.Digits;
                    _target[first] = last;
                    return (first, last);
                }

                case Sequence sequence:
                {
                    int first = AddState();
                    int last = first;
                    foreach (Node part in sequence.Parts)
                    {
                        (int partFirst, int partLast) = Build(part);
                        AddEpsilon(last, partFirst);
                        last = partLast;
                    }

                    return (first, last);
                }

                case Choice choice:
                {
                    int first = AddState();
                    int last = AddState();
                    foreach (Node option in choice.Options)
                    {
                        (int optionFirst, int optionLast) = Build(option);
                        AddEpsilon(first, optionFirst);
                        AddEpsilon(optionLast, last);
                    }

                    return (first, last);
                }

                case Repeat repeat:
                {
                    // Minimum copies in a row, then (Maximum - Minimum) optional copies, each of which may end the run.
                    int first = AddState();
                    int last = first;
                    for (int i = 0; i < repeat.Minimum; i++)
                    {
                        (int copyFirst, int copyLast) = Build(repeat.Item);
                        AddEpsilon(last, copyFirst);
                        last = copyLast;
                    }

                    int end = AddState();
                    AddEpsilon(last, end);
                    for (int i = repeat.Minimum; i < repeat.Maximum; i++)
                    {
                        (int copyFirst, int copyLast) = Build(repeat.Item);
                        AddEpsilon(last, copyFirst);
                        AddEpsilon(copyLast, end);
                        last = copyLast;
                    }

                    return (first, end);
                }

                default:
                    throw new ArgumentException("Unknown pattern node.", nameof(node));
            }
        }
    }

    /// <summary>Parses the supported subset of regular expressions; any other syntax makes the parse fail.</summary>
    private ref struct PatternParser
    {
        // Bounded repetitions are expanded into copies, so a larger bound is left to the regular expression engine.
        private const int MaximumRepeat = 20;

        private readonly ReadOnlySpan<char> _pattern;
        private int _position;

        private PatternParser(ReadOnlySpan<char> pattern)
        {
            _pattern = pattern;
            _position = 0;
        }

        public static Node? TryParse(string pattern)
        {
            var parser = new PatternParser(pattern);
            Node? node = parser.ParseChoice();
            return node is not null && parser._position == pattern.Length ? node : null;
        }

        private Node? ParseChoice()
        {
            var options = new List<Node>();
            while (true)
            {
                Node? option = ParseSequence();
                if (option is null)
                {
                    return null;
                }

                options.Add(option);
                if (!TryTake('|'))
                {
                    return options.Count == 1 ? options[0] : new Choice(options);
                }
            }
        }

        private Node? ParseSequence()
        {
            var parts = new List<Node>();
            while (_position < _pattern.Length && _pattern[_position] is not ('|' or ')'))
            {
                Node? atom = ParseAtom();
                if (atom is null)
                {
                    return null;
                }

                Node? quantified = ParseQuantifier(atom);
                if (quantified is null)
                {
                    return null;
                }

                parts.Add(quantified);
            }

            return new Sequence(parts);
        }

        private Node? ParseAtom()
        {
            char c = _pattern[_position++];
            if (char.IsAsciiDigit(c))
            {
                return new DigitClass((ushort)(1 << (c - '0')));
            }

            if (c == '\\' && TryTake('d'))
            {
                return new DigitClass(0x3FF);
            }

            if (c == '[')
            {
                return ParseClass();
            }

            if (c == '(' && TryTake('?') && TryTake(':'))
            {
                Node? inner = ParseChoice();
                return inner is not null && TryTake(')') ? inner : null;
            }

            return null;
        }

        private Node? ParseClass()
        {
            ushort digits = 0;
            while (_position < _pattern.Length && _pattern[_position] != ']')
            {
                char low = _pattern[_position++];
                if (low == '\\' && TryTake('d'))
                {
                    digits |= 0x3FF;
                    continue;
                }

                if (!char.IsAsciiDigit(low))
                {
                    return null;
                }

                char high = low;
                if (_position + 1 < _pattern.Length && _pattern[_position] == '-' && _pattern[_position + 1] != ']')
                {
                    high = _pattern[_position + 1];
                    _position += 2;
                    if (!char.IsAsciiDigit(high) || high < low)
                    {
                        return null;
                    }
                }

                for (char digit = low; digit <= high; digit++)
                {
                    digits |= (ushort)(1 << (digit - '0'));
                }
            }

            return TryTake(']') && digits != 0 ? new DigitClass(digits) : null;
        }

        private Node? ParseQuantifier(Node atom)
        {
            if (TryTake('?'))
            {
                return NotLazy() ? new Repeat(atom, 0, 1) : null;
            }

            if (!TryTake('{'))
            {
                return atom;
            }

            if (!TryNumber(out int minimum))
            {
                return null;
            }

            int maximum = minimum;
            if (TryTake(',') && !TryNumber(out maximum))
            {
                return null;
            }

            return TryTake('}') && NotLazy() && maximum >= minimum && maximum <= MaximumRepeat
                ? new Repeat(atom, minimum, maximum)
                : null;
        }

        // A lazy quantifier ("??", "{n,m}?") matches the same whole strings, but it is outside the subset metadata uses.
        private readonly bool NotLazy() => _position >= _pattern.Length || _pattern[_position] != '?';

        private bool TryNumber(out int value)
        {
            value = 0;
            int start = _position;
            while (_position < _pattern.Length && char.IsAsciiDigit(_pattern[_position]) && _position - start < 3)
            {
                value = (value * 10) + (_pattern[_position++] - '0');
            }

            return _position > start;
        }

        private bool TryTake(char expected)
        {
            if (_position < _pattern.Length && _pattern[_position] == expected)
            {
                _position++;
                return true;
            }

            return false;
        }
    }
}
