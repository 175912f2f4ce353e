/// UTF-16 turned into UTF-8 as it is read, a chunk at a time. A byte order mark is dropped; an
/// unpaired surrogate becomes U+FFFD, as an odd last byte does.
final class UTF16Source: ByteSource {
    private let inner: ByteSource
    private let bigEndian: Bool
    private var carry: [UInt8] = []
    private var pendingHigh: UInt16?
    private var atStart = true

    init(_ inner: ByteSource, bigEndian: Bool) {
        self.inner = inner
        self.bigEndian = bigEndian
    }

    func read(_ count: Int) throws -> [UInt8] {
        var output: [UInt8] = []
        while output.isEmpty {
            let chunk = try inner.read(count)
            if chunk.isEmpty {
                if pendingHigh != nil || !carry.isEmpty { append(0xFFFD, to: &output) }
                pendingHigh = nil
                carry = []
                return output
            }
            var bytes = carry + chunk
            carry = bytes.count % 2 == 1 ? [bytes.removeLast()] : []
            output.reserveCapacity(bytes.count * 3 / 2)
            var index = 0
            while index + 1 < bytes.count {
                let unit =
                    bigEndian
                    ? UInt16(bytes[index]) << 8 | UInt16(bytes[index + 1])
                    : UInt16(bytes[index + 1]) << 8 | UInt16(bytes[index])
                index += 2
                if atStart {
                    atStart = false
                    if unit == 0xFEFF { continue }
                }
                decode(unit, into: &output)
            }
        }
        return output
    }

    private func decode(_ unit: UInt16, into output: inout [UInt8]) {
        if let high = pendingHigh {
            pendingHigh = nil
            if (0xDC00...0xDFFF).contains(unit) {
                let scalar = 0x10000 + ((UInt32(high) - 0xD800) << 10) + (UInt32(unit) - 0xDC00)
                append(scalar, to: &output)
                return
            }
            append(0xFFFD, to: &output)
        }
        switch unit {
        case 0xD800...0xDBFF: pendingHigh = unit
        case 0xDC00...0xDFFF: append(0xFFFD, to: &output)
        default: append(UInt32(unit), to: &output)
        }
    }

    private func append(_ scalar: UInt32, to output: inout [UInt8]) {
        guard let scalar = Unicode.Scalar(scalar) else { return append(0xFFFD, to: &output) }
        Unicode.UTF8.encode(scalar) { output.append($0) }
    }
}
