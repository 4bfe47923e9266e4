namespace RegressionRender.Encoding;

/// <summary>
/// The LZW compression of a GIF image's palette indices (GIF89a, appendix F): variable-width codes from
/// min code size + 1 up to 12 bits, packed least significant bit first into sub-blocks of at most 255 bytes. The
/// string table is an open-addressing hash of (prefix code, next index) pairs; when it is full a clear code starts
/// a new one. Reused across images: one instance, one table, no allocation per image.
/// </summary>
internal sealed class GifLzw
{
    private const int MaxCode = 4096;

    /// <summary>Slots of the hash table: a power of two well above <see cref="MaxCode"/>, so that probes stay short.</summary>
    private const int Slots = 1 << 14;

    private readonly int[] _keys = new int[Slots];
    private readonly short[] _codes = new short[Slots];
    private readonly byte[] _block = new byte[256];
    private int _blockLength;
    private int _bits;
    private int _bitCount;
    private int _codeSize;

    /// <summary>Writes the image data of <paramref name="indices"/> (min code size byte, sub-blocks, terminator) to <paramref name="output"/>.</summary>
    public void Encode(ReadOnlySpan<byte> indices, int minCodeSize, Stream output)
    {
        var clear = 1 << minCodeSize;
        var end = clear + 1;
        output.WriteByte((byte)minCodeSize);
        (_blockLength, _bits, _bitCount, _codeSize) = (0, 0, 0, minCodeSize + 1);
        Array.Clear(_keys);
        var next = end + 1;
        Emit(clear, output);
        int prefix = indices[0];
        for (var i = 1; i < indices.Length; i++)
        {
            var index = indices[i];
            // Key 0 marks an empty slot, so keys are stored plus one.
            var key = ((prefix << 8) | index) + 1;
            var slot = (int)(((uint)key * 2654435761u) >> 18);
            while (_keys[slot] != 0 && _keys[slot] != key)
            {
                slot = (slot + 1) & (Slots - 1);
            }
            if (_keys[slot] == key)
            {
                prefix = _codes[slot];
                continue;
            }
            Emit(prefix, output);
            if (next < MaxCode)
            {
                (_keys[slot], _codes[slot]) = (key, (short)next++);
                // The decoder adds this entry one code later, and widens its codes once its next entry needs more bits.
                if (next > (1 << _codeSize) && _codeSize < 12)
                {
                    _codeSize++;
                }
            }
            else
            {
                Emit(clear, output);
                Array.Clear(_keys);
                (next, _codeSize) = (end + 1, minCodeSize + 1);
            }
            prefix = index;
        }
        Emit(prefix, output);
        // Reading that last code the decoder adds one more entry, and may widen its codes before the end code.
        if (next < MaxCode && next + 1 > (1 << _codeSize) && _codeSize < 12)
        {
            _codeSize++;
        }
        Emit(end, output);
        if (_bitCount > 0)
        {
            Put((byte)_bits, output);
        }
        if (_blockLength > 0)
        {
            Flush(output);
        }
        output.WriteByte(0);
    }

    private void Emit(int code, Stream output)
    {
        _bits |= code << _bitCount;
        _bitCount += _codeSize;
        while (_bitCount >= 8)
        {
            Put((byte)_bits, output);
            _bits >>= 8;
            _bitCount -= 8;
        }
    }

    private void Put(byte value, Stream output)
    {
        _block[++_blockLength] = value;
        if (_blockLength == 255)
        {
            Flush(output);
        }
    }

    private void Flush(Stream output)
    {
        _block[0] = (byte)_blockLength;
        output.Write(_block, 0, _blockLength + 1);
        _blockLength = 0;
    }
}
