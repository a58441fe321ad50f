/**
 * A labelled set for the matching of similar reports: public-service
 * complaints as Indonesians write them, five issues at each of twenty
 * institutions. Each issue is said twice, by two people: `filed` is the
 * report already published, `later` how another visitor begins to write the
 * same thing (a title and the first sentences), in other words where people
 * would use other words. The five issues at one institution are different
 * issues at the same place, some close to each other on purpose (two
 * complaints about money at one school, two about queues at one office), so
 * that a matcher must tell them apart.
 *
 * Duplicate pairs: each `later` with its own `filed` (100). Unrelated pairs:
 * each `later` with the four other `filed` of its institution (400).
 */
export interface SimilarIssue {
  filed: { title: string; body: string };
  later: { title: string; body: string };
}

export interface SimilarPlace {
  institution: string;
  region: string;
  category: string;
  issues: SimilarIssue[];
}

/** `Title | body` to an object: the set reads as people's words, not as markup. */
function said(text: string): { title: string; body: string } {
  const [title = '', body = ''] = text.split(' | ');
  return { title, body };
}

const issue = (filed: string, later: string): SimilarIssue => ({ filed: said(filed), later: said(later) });

export const SIMILAR_PLACES: SimilarPlace[] = [
  {
    institution: 'smk-smak-makassar',
    region: '73.71',
    category: 'pendidikan-kebudayaan',
    issues: [
      issue(
        'Pungutan liar saat daftar ulang | Saat daftar ulang wali murid kelas X diminta membayar Rp250.000 tanpa kuitansi dan tanpa surat edaran.',
        'Uang daftar ulang tidak ada kuitansinya | Anak saya naik ke kelas XI dan kami disuruh bayar biaya daftar ulang dua ratus lima puluh ribu, tidak diberi bukti pembayaran.',
      ),
      issue(
        'Seragam sekolah wajib dibeli di koperasi dengan harga mahal | Siswa baru diwajibkan membeli seragam di koperasi sekolah seharga Rp1.200.000, tidak boleh membeli di luar.',
        'Dipaksa beli baju seragam di koperasi | Orang tua murid baru tidak boleh beli seragam di pasar, harus di koperasi sekolah dan harganya lebih dari satu juta.',
      ),
      issue(
        'Sertifikat uji kompetensi belum diterbitkan | Sudah tiga bulan sejak uji kompetensi keahlian, sertifikat siswa belum juga diterbitkan tanpa penjelasan.',
        'Kapan sertifikat UKK dibagikan? | Lulusan angkatan ini belum menerima sertifikat kompetensi padahal ujiannya sudah lama selesai, padahal dibutuhkan untuk melamar kerja.',
      ),
      issue(
        'Laboratorium kimia tidak punya alat keselamatan | Ruang praktik kimia tidak memiliki alat pemadam api dan wastafel darurat, siswa praktik tanpa kacamata pelindung.',
        'Praktik di lab tanpa perlengkapan keamanan | Anak kami praktikum kimia tanpa kacamata pelindung, di laboratorium juga tidak ada APAR.',
      ),
      issue(
        'Guru sering tidak masuk kelas | Guru mata pelajaran produktif sering tidak hadir dan siswa hanya diberi tugas mencatat selama berminggu-minggu.',
        'Kelas kosong karena gurunya absen terus | Sudah sebulan guru kejuruan jarang mengajar, murid dibiarkan mencatat sendiri di kelas.',
      ),
    ],
  },
  {
    institution: 'kemendikdasmen',
    region: '34.04',
    category: 'pendidikan-kebudayaan',
    issues: [
      issue(
        'Dana BOS dipakai untuk biaya study tour | Sekolah memungut biaya study tour ke Bali Rp3.500.000 per siswa dan menyebut sebagian dibayar dari dana BOS.',
        'Study tour mahal dan memakai uang BOS | Anak saya kelas XII diminta ikut karya wisata ke Bali dengan biaya tiga setengah juta, katanya ada bantuan dana BOS.',
      ),
      issue(
        'Zonasi PPDB tidak sesuai jarak rumah | Anak saya ditolak di SMP negeri terdekat padahal rumah kami hanya 400 meter, sementara siswa yang rumahnya jauh diterima.',
        'Penerimaan murid baru jalur zonasi curang | Rumah kami dekat sekali dengan SMPN tapi anak tidak diterima, yang jauh malah lolos seleksi zonasi.',
      ),
      issue(
        'Ijazah ditahan karena tunggakan SPP | Sekolah swasta menahan ijazah lulusan tahun lalu sampai tunggakan SPP dilunasi.',
        'Ijazah anak tidak diberikan sekolah | Anak kami sudah lulus setahun tapi ijazahnya masih ditahan karena masih ada utang uang sekolah.',
      ),
      issue(
        'Atap ruang kelas bocor dan hampir roboh | Plafon kelas IV SD Negeri 3 bocor setiap hujan dan kayunya lapuk, siswa belajar di lorong.',
        'Gedung SD rusak membahayakan murid | Atap kelas empat sudah lapuk dan bocor, murid terpaksa belajar di teras sekolah kalau hujan.',
      ),
      issue(
        'Program Indonesia Pintar tidak diterima siswa | Siswa penerima KIP di sekolah kami belum menerima dana PIP semester ini padahal namanya terdaftar.',
        'Uang PIP anak belum cair | Anak saya terdaftar sebagai penerima Kartu Indonesia Pintar tapi bantuan semester ini belum masuk ke rekeningnya.',
      ),
    ],
  },
  {
    institution: 'kemenkes',
    region: '73.71',
    category: 'kesehatan',
    issues: [
      issue(
        'Antrean puskesmas sangat lama | Pasien harus antre sejak subuh di Puskesmas Panakkukang dan baru dilayani menjelang siang karena hanya satu dokter.',
        'Menunggu berjam-jam di puskesmas | Saya datang jam enam pagi untuk berobat di puskesmas dan baru diperiksa jam sebelas, dokternya cuma satu.',
      ),
      issue(
        'Obat di puskesmas sering kosong | Pasien hipertensi disuruh membeli obat sendiri di apotek karena stok obat puskesmas habis berbulan-bulan.',
        'Stok obat darah tinggi habis | Setiap kontrol ke puskesmas obat amlodipin tidak tersedia dan kami harus menebus di apotek luar.',
      ),
      issue(
        'Petugas puskesmas meminta bayaran untuk surat keterangan sehat | Untuk surat keterangan sehat melamar kerja saya diminta Rp100.000 tanpa karcis resmi.',
        'Bayar surat sehat tanpa tanda terima | Membuat surat keterangan sehat di puskesmas dikenai seratus ribu dan tidak diberi karcis retribusi.',
      ),
      issue(
        'Ambulans desa tidak bisa dipakai | Ambulans puskesmas pembantu rusak sejak lama, warga membawa pasien gawat darurat dengan motor.',
        'Mobil ambulans rusak tidak diperbaiki | Warga terpaksa mengantar orang sakit parah pakai sepeda motor karena ambulans pustu tidak jalan.',
      ),
      issue(
        'Imunisasi balita ditunda tanpa pemberitahuan | Jadwal imunisasi di posyandu dibatalkan mendadak dan ibu-ibu pulang tanpa vaksin untuk anaknya.',
        'Posyandu batal vaksin anak | Kami sudah datang membawa bayi untuk imunisasi tapi bidan bilang vaksinnya tidak ada dan jadwal diundur.',
      ),
    ],
  },
  {
    institution: 'bpjs-kesehatan',
    region: '32.75',
    category: 'kesehatan',
    issues: [
      issue(
        'Pasien BPJS ditolak rumah sakit karena kamar penuh | RSUD menolak rawat inap ayah saya peserta BPJS dengan alasan kamar penuh, padahal pasien umum diterima.',
        'Rumah sakit tolak peserta JKN | Ayah saya pakai kartu BPJS disuruh pulang karena katanya ruangan penuh, tetapi pasien bayar sendiri bisa dirawat.',
      ),
      issue(
        'Kartu BPJS tidak aktif setelah pindah kerja | Kepesertaan saya nonaktif sejak pindah perusahaan walaupun iuran dipotong dari gaji.',
        'Status JKN nonaktif padahal gaji dipotong | Setelah ganti kantor kartu BPJS Kesehatan saya tidak bisa dipakai, padahal potongan iuran tetap ada di slip gaji.',
      ),
      issue(
        'Pasien diminta membeli obat sendiri di luar rumah sakit | Dokter meminta keluarga pasien BPJS menebus obat di apotek luar karena tidak ditanggung.',
        'Obat pasien JKN harus beli di luar | Keluarga kami disuruh beli sendiri obat untuk ibu yang dirawat dengan BPJS, katanya tidak masuk tanggungan.',
      ),
      issue(
        'Antrean operasi peserta BPJS sampai berbulan-bulan | Jadwal operasi katarak ibu saya diundur tiga kali dan sekarang harus menunggu lima bulan lagi.',
        'Operasi katarak ditunda terus | Ibu saya peserta BPJS sudah tiga kali dijadwal ulang operasi mata, disuruh menunggu sampai tahun depan.',
      ),
      issue(
        'Denda BPJS saat rawat inap terlalu besar | Setelah menunggak iuran dua bulan kami dikenai denda pelayanan jutaan rupiah saat anak dirawat.',
        'Kena denda layanan JKN jutaan | Iuran kami sempat telat dua bulan, waktu anak masuk rumah sakit harus bayar denda yang sangat besar.',
      ),
    ],
  },
  {
    institution: 'kemendagri',
    region: '32.75',
    category: 'administrasi-kependudukan',
    issues: [
      issue(
        'KTP elektronik belum jadi setelah enam bulan | Saya sudah rekam e-KTP di Disdukcapil enam bulan lalu tetapi selalu dijawab blangko habis.',
        'Blangko e-KTP kosong terus | Setengah tahun lalu saya merekam data KTP-el, setiap kali ditanya katanya blanko belum ada.',
      ),
      issue(
        'Calo di kantor Disdukcapil | Di depan kantor Dukcapil ada calo yang menawarkan pembuatan kartu keluarga cepat dengan bayaran Rp300.000.',
        'Pengurusan KK lewat calo dipungut biaya | Orang di parkiran dinas kependudukan menawarkan jasa KK jadi sehari asal bayar tiga ratus ribu.',
      ),
      issue(
        'Akta kelahiran salah nama | Nama anak saya di akta kelahiran salah ketik dan permohonan perbaikan belum diproses dua bulan.',
        'Perbaikan akta lahir tidak diproses | Ada salah penulisan nama pada akta anak kami, sudah dua bulan mengajukan koreksi tetapi belum ada kabar.',
      ),
      issue(
        'Layanan online Dukcapil sering error | Aplikasi pendaftaran online untuk pindah domisili tidak bisa dibuka sejak seminggu.',
        'Website pindah alamat tidak bisa diakses | Saya mau mengurus surat pindah secara daring tapi situs disdukcapil error terus beberapa hari ini.',
      ),
      issue(
        'Petugas kelurahan meminta uang untuk surat pengantar | Untuk surat pengantar pembuatan KTP, petugas kelurahan meminta uang rokok Rp50.000.',
        'Bayar surat pengantar RT di kelurahan | Staf kantor lurah minta lima puluh ribu untuk membuat pengantar KTP, katanya uang administrasi.',
      ),
    ],
  },
  {
    institution: 'kemenpu',
    region: '32.01',
    category: 'infrastruktur',
    issues: [
      issue(
        'Jalan provinsi rusak parah dan berlubang | Jalan raya Parung–Bogor berlubang dalam sepanjang dua kilometer dan sudah menyebabkan kecelakaan pengendara motor.',
        'Banyak lubang di jalan Parung | Kerusakan jalan di ruas Parung sangat parah, lubangnya dalam dan sering membuat motor jatuh.',
      ),
      issue(
        'Jembatan penghubung desa putus | Jembatan gantung antara dua desa putus diterjang banjir, anak sekolah menyeberang sungai dengan rakit.',
        'Jembatan gantung roboh setelah banjir | Sejak banjir bulan lalu jembatan desa kami rusak, murid-murid harus naik rakit untuk ke sekolah.',
      ),
      issue(
        'Saluran drainase tersumbat menyebabkan genangan | Got di sepanjang jalan utama tertutup sedimen sehingga setiap hujan jalan tergenang setinggi lutut.',
        'Jalan banjir karena selokan mampet | Setiap turun hujan air menggenang di jalan utama sebab saluran air penuh lumpur dan tidak pernah dikeruk.',
      ),
      issue(
        'Proyek perbaikan jalan terbengkalai | Pengerjaan pelebaran jalan dihentikan setengah jalan, material ditinggalkan di bahu jalan selama empat bulan.',
        'Pekerjaan pelebaran jalan mangkrak | Proyek jalan di kampung kami berhenti, tumpukan batu dan pasir dibiarkan berbulan-bulan menghalangi pengendara.',
      ),
      issue(
        'Lampu penerangan jalan mati | Lampu PJU di jalan lingkar mati total sejak tiga bulan sehingga rawan begal pada malam hari.',
        'Jalan gelap karena lampu jalan padam | Penerangan jalan umum di lingkar selatan tidak menyala berbulan-bulan, malam hari jadi rawan kejahatan.',
      ),
    ],
  },
  {
    institution: 'kemensos',
    region: '35.78',
    category: 'sosial-kesejahteraan',
    issues: [
      issue(
        'Bantuan PKH dipotong pendamping | Pendamping PKH memotong Rp200.000 dari bantuan setiap penerima dengan alasan uang transport.',
        'Uang PKH disunat pendamping | Setiap pencairan bantuan keluarga harapan kami hanya menerima sebagian karena pendamping minta dua ratus ribu.',
      ),
      issue(
        'Warga miskin tidak terdaftar DTKS | Keluarga kami sangat miskin tetapi tidak masuk data terpadu kesejahteraan sosial sehingga tidak dapat bantuan apa pun.',
        'Tidak pernah dapat bansos padahal tidak mampu | Kami keluarga kurang mampu tapi nama kami tidak ada di DTKS, jadi tidak pernah menerima bantuan sosial.',
      ),
      issue(
        'Bantuan sembako diberikan kepada keluarga mampu | Penerima BPNT di RT kami banyak yang punya mobil dan rumah besar, sementara janda tua tidak menerima.',
        'BPNT salah sasaran | Bantuan pangan non tunai justru diterima tetangga yang kaya, nenek yang hidup sendiri malah tidak dapat.',
      ),
      issue(
        'Kartu KKS tidak bisa digunakan | Kartu Keluarga Sejahtera saya ditolak di e-warong dengan keterangan saldo kosong selama tiga bulan.',
        'Saldo kartu KKS nol terus | Sudah tiga bulan setiap belanja di e-warong kartu KKS kami tidak bisa dipakai karena saldonya kosong.',
      ),
      issue(
        'Panti sosial menelantarkan lansia | Lansia di panti werdha milik pemerintah kurang makan dan kamar mereka kotor tanpa perawatan.',
        'Kondisi panti jompo memprihatinkan | Orang tua di panti werdha tidak terurus, makanannya sedikit dan ruangan tidurnya jorok.',
      ),
    ],
  },
  {
    institution: 'atr-bpn',
    region: '33.74',
    category: 'administrasi-kependudukan',
    issues: [
      issue(
        'Sertifikat tanah PTSL belum terbit | Saya ikut program PTSL dua tahun lalu dan sudah membayar biaya patok, tetapi sertifikat belum juga diterbitkan.',
        'Sertifikat program PTSL tidak kunjung jadi | Tanah kami didaftarkan lewat PTSL sejak 2024, patok sudah dibayar, sertifikatnya sampai sekarang belum keluar.',
      ),
      issue(
        'Pungutan PTSL melebihi ketentuan | Panitia desa memungut Rp750.000 per bidang untuk PTSL padahal SKB menteri menetapkan Rp150.000.',
        'Biaya PTSL di desa terlalu mahal | Kami diminta bayar tujuh ratus lima puluh ribu per bidang tanah untuk sertifikat gratis, jauh di atas aturan.',
      ),
      issue(
        'Pengukuran ulang tanah tidak dilakukan | Permohonan pengukuran ulang batas tanah sudah diajukan empat bulan tetapi petugas ukur tidak pernah datang.',
        'Petugas ukur BPN tidak datang | Sudah lama kami mengajukan ukur ulang batas bidang tanah, jadwalnya terus diundur dan juru ukur tidak muncul.',
      ),
      issue(
        'Sertifikat ganda di atas tanah yang sama | Ada sertifikat lain yang terbit di atas tanah warisan kami yang sudah bersertifikat sejak 1998.',
        'Tanah kami bersertifikat dua | Di atas tanah warisan keluarga ternyata terbit sertifikat atas nama orang lain, padahal sertifikat kami lebih dulu.',
      ),
      issue(
        'Loket kantor pertanahan tutup sebelum jam layanan | Loket pelayanan kantor pertanahan sudah tutup pukul 13.00 padahal jadwalnya sampai 15.00.',
        'Kantor BPN tutup lebih awal | Saya datang jam dua siang untuk mengurus berkas tanah tapi loket sudah tutup, padahal tertulis buka sampai jam tiga.',
      ),
    ],
  },
  {
    institution: 'kemenimipas',
    region: '35.78',
    category: 'administrasi-kependudukan',
    issues: [
      issue(
        'Kuota antrean paspor selalu habis | Aplikasi antrean paspor selalu penuh dalam hitungan menit, sementara calo menawarkan slot dengan bayaran.',
        'Susah dapat jadwal buat paspor | Setiap buka aplikasi M-Paspor kuotanya sudah habis, tapi ada orang yang menjual slot antrean.',
      ),
      issue(
        'Paspor belum jadi melewati janji | Paspor saya dijanjikan jadi empat hari kerja tetapi sudah dua minggu belum dapat diambil.',
        'Pengambilan paspor molor | Sudah lewat dua minggu dari tanggal yang dijanjikan, paspor saya belum juga selesai dicetak.',
      ),
      issue(
        'Petugas imigrasi bersikap kasar | Petugas di loket wawancara paspor membentak pemohon lansia yang kurang mendengar.',
        'Pelayanan wawancara paspor tidak ramah | Ibu saya yang sudah tua dimarahi petugas saat wawancara hanya karena pendengarannya kurang.',
      ),
      issue(
        'Biaya percepatan paspor tidak resmi | Ada oknum yang meminta Rp1.000.000 agar paspor bisa jadi dalam satu hari tanpa antre.',
        'Ditawari paspor kilat dengan bayar sejuta | Seseorang di kantor imigrasi menawarkan paspor selesai hari itu juga asal membayar satu juta rupiah.',
      ),
      issue(
        'Ruang tunggu kantor imigrasi penuh dan panas | Pendingin udara ruang tunggu mati dan kursi tidak cukup sehingga pemohon berdiri berjam-jam.',
        'AC ruang tunggu imigrasi mati | Pemohon paspor kepanasan menunggu sambil berdiri karena kursi kurang dan pendingin ruangan rusak.',
      ),
    ],
  },
  {
    institution: 'polri',
    region: '31.75',
    category: 'ketentraman-ketertiban',
    issues: [
      issue(
        'Pungutan saat pembuatan SIM | Untuk lulus ujian praktik SIM C pemohon diminta membayar Rp500.000 di luar PNBP.',
        'Bayar lebih agar lulus ujian SIM | Saya gagal tes praktik SIM motor berkali-kali lalu ditawari lulus asal membayar lima ratus ribu.',
      ),
      issue(
        'Laporan kehilangan tidak ditindaklanjuti | Laporan pencurian motor saya di polsek tidak ada perkembangan setelah tiga bulan.',
        'Kasus motor hilang tidak diproses | Sudah tiga bulan sejak saya melapor sepeda motor dicuri, belum ada kabar penyelidikan dari polsek.',
      ),
      issue(
        'SKCK dikenakan biaya tambahan | Petugas meminta biaya legalisir SKCK Rp50.000 tanpa kuitansi.',
        'Biaya SKCK tidak resmi | Waktu mengurus surat keterangan catatan kepolisian saya dimintai uang tambahan lima puluh ribu tanpa bukti bayar.',
      ),
      issue(
        'Parkir liar di trotoar dibiarkan | Juru parkir liar menguasai trotoar depan stasiun dan pejalan kaki terpaksa berjalan di badan jalan.',
        'Trotoar stasiun dipakai parkir motor | Pejalan kaki tidak bisa lewat trotoar di depan stasiun karena penuh motor yang diparkir tukang parkir liar.',
      ),
      issue(
        'Balap liar setiap malam minggu | Remaja melakukan balap liar di jalan perumahan setiap malam minggu hingga dini hari dan membahayakan warga.',
        'Kebut-kebutan motor malam hari | Setiap Sabtu malam jalan kompleks dipakai anak muda untuk balapan motor sampai subuh, warga resah.',
      ),
    ],
  },
  {
    institution: 'kemenhub',
    region: '31.71',
    category: 'perhubungan',
    issues: [
      issue(
        'Bus Transjakarta sering terlambat | Bus koridor 9 datang setiap 40 menit pada jam sibuk sehingga halte penuh sesak.',
        'Jadwal bus koridor 9 tidak tepat | Pada jam pulang kerja armada Transjakarta koridor sembilan lama sekali datangnya, penumpang menumpuk di halte.',
      ),
      issue(
        'Pengujian KIR kendaraan dipungut biaya liar | Di tempat uji KIR petugas meminta uang tambahan agar kendaraan dinyatakan lulus.',
        'Uji KIR lulus asal bayar | Mobil pikap saya dinyatakan lulus uji berkala setelah sopir memberi uang kepada petugas penguji.',
      ),
      issue(
        'Angkot ngetem sembarangan menyebabkan macet | Angkutan kota berhenti lama menunggu penumpang di mulut persimpangan dan membuat kemacetan panjang.',
        'Macet karena angkot berhenti di simpang | Sopir angkutan umum menaikkan penumpang dan menunggu lama tepat di perempatan sehingga jalan macet.',
      ),
      issue(
        'Lampu lalu lintas mati di perempatan | Traffic light di simpang Matraman mati dua hari dan tidak ada petugas yang mengatur.',
        'APILL perempatan Matraman padam | Lampu merah di persimpangan Matraman tidak menyala, kendaraan saling serobot dan hampir terjadi tabrakan.',
      ),
      issue(
        'Halte rusak dan tidak ramah disabilitas | Halte bus di depan rumah sakit atapnya bocor dan tidak memiliki jalur landai untuk kursi roda.',
        'Halte depan rumah sakit sulit untuk pengguna kursi roda | Tidak ada ramp di halte bus itu dan atapnya bocor kalau hujan.',
      ),
    ],
  },
  {
    institution: 'kementerian-bumn',
    region: '73.71',
    category: 'energi-sumber-daya-alam',
    issues: [
      issue(
        'Listrik sering padam tanpa pemberitahuan | Di kelurahan kami listrik PLN mati hampir setiap hari selama dua sampai tiga jam tanpa pengumuman.',
        'Pemadaman listrik bergilir tanpa jadwal | Aliran listrik di rumah kami putus berjam-jam hampir tiap hari dan PLN tidak memberi informasi.',
      ),
      issue(
        'Tagihan listrik melonjak tidak wajar | Tagihan listrik pascabayar bulan ini naik tiga kali lipat padahal pemakaian kami tidak bertambah.',
        'Rekening listrik naik tiga kali | Kami kaget tagihan PLN bulan ini membengkak padahal pemakaian sama seperti biasa.',
      ),
      issue(
        'Air PDAM tidak mengalir berhari-hari | Air PDAM di kompleks kami tidak mengalir selama lima hari dan warga membeli air galon untuk mandi.',
        'Keran PDAM kering | Sudah hampir seminggu air ledeng tidak keluar di perumahan kami, terpaksa beli air isi ulang.',
      ),
      issue(
        'Air PDAM keruh dan berbau | Air yang keluar dari keran berwarna coklat dan berbau lumpur sejak sepekan.',
        'Kualitas air ledeng buruk | Air PDAM di rumah kami kotor kecoklatan dan baunya tidak sedap, tidak bisa dipakai memasak.',
      ),
      issue(
        'Pemasangan meteran listrik baru dipungut biaya tambahan | Petugas meminta Rp1.500.000 di luar biaya resmi untuk pasang baru listrik 1.300 VA.',
        'Pasang baru listrik diminta uang lebih | Untuk sambungan baru PLN kami diminta bayar satu setengah juta ke petugas di luar tarif resmi.',
      ),
    ],
  },
  {
    institution: 'kemenlh',
    region: '32.73',
    category: 'lingkungan-hidup',
    issues: [
      issue(
        'Sampah menumpuk di TPS tidak diangkut | Sampah di TPS pasar sudah seminggu tidak diangkut truk dan baunya menyebar ke permukiman.',
        'Tumpukan sampah pasar dibiarkan | Truk sampah tidak datang ke tempat pembuangan sementara di pasar, sampah menggunung dan berbau busuk.',
      ),
      issue(
        'Pabrik membuang limbah ke sungai | Air sungai berubah hitam dan ikan mati setelah pabrik tekstil membuang limbah pada malam hari.',
        'Sungai tercemar limbah tekstil | Warga melihat air sungai menghitam dan banyak ikan mati, diduga dari pembuangan limbah pabrik kain.',
      ),
      issue(
        'Pembakaran sampah terbuka menyebabkan asap | Warga membakar sampah di lahan kosong setiap sore sehingga asap masuk ke rumah dan anak-anak batuk.',
        'Asap bakar sampah mengganggu | Setiap sore ada pembakaran sampah di tanah kosong dekat rumah, asapnya membuat anak saya sesak napas.',
      ),
      issue(
        'Penebangan pohon peneduh tanpa izin | Pohon-pohon besar di taman kota ditebang untuk papan reklame tanpa pemberitahuan.',
        'Pohon di taman kota ditebang | Pohon besar yang rindang di taman ditebangi, katanya untuk memasang billboard iklan.',
      ),
      issue(
        'Bau menyengat dari peternakan ayam | Peternakan ayam di dekat permukiman menimbulkan bau dan lalat yang sangat banyak.',
        'Lalat dan bau dari kandang ayam | Rumah kami dipenuhi lalat dan tercium bau tidak sedap dari kandang ayam milik pengusaha di belakang kampung.',
      ),
    ],
  },
  {
    institution: 'kemnaker',
    region: '36.71',
    category: 'ketenagakerjaan',
    issues: [
      issue(
        'Gaji di bawah UMK | Perusahaan membayar karyawan Rp2.800.000 per bulan padahal UMK kota Tangerang jauh lebih tinggi.',
        'Upah pabrik tidak sesuai upah minimum | Kami buruh pabrik hanya digaji dua koma delapan juta, di bawah upah minimum kota.',
      ),
      issue(
        'THR tidak dibayar perusahaan | Sampai seminggu setelah lebaran perusahaan belum membayar tunjangan hari raya karyawan.',
        'Tunjangan hari raya belum cair | Pekerja di toko kami belum menerima THR padahal lebaran sudah lewat.',
      ),
      issue(
        'PHK sepihak tanpa pesangon | Saya diberhentikan setelah lima tahun bekerja tanpa surat dan tanpa pesangon.',
        'Dipecat tanpa uang pesangon | Setelah bekerja lima tahun saya dikeluarkan begitu saja oleh perusahaan, tidak ada kompensasi sama sekali.',
      ),
      issue(
        'Karyawan tidak didaftarkan BPJS Ketenagakerjaan | Perusahaan memotong gaji untuk BPJS Ketenagakerjaan tetapi kami tidak terdaftar sebagai peserta.',
        'Iuran jamsostek dipotong tapi tidak disetor | Gaji kami dipotong untuk jaminan ketenagakerjaan, ternyata nama kami tidak ada di kepesertaan BPJS TK.',
      ),
      issue(
        'Pelatihan BLK dipungut biaya | Pelatihan di Balai Latihan Kerja yang seharusnya gratis memungut biaya pendaftaran Rp300.000.',
        'Daftar pelatihan kerja gratis malah bayar | Peserta kursus di BLK diminta membayar tiga ratus ribu untuk mendaftar, padahal programnya gratis.',
      ),
    ],
  },
  {
    institution: 'kemdiktisaintek',
    region: '33.74',
    category: 'pendidikan-kebudayaan',
    issues: [
      issue(
        'UKT tidak sesuai kemampuan orang tua | Golongan UKT saya ditetapkan tertinggi padahal orang tua saya buruh harian dan sudah melampirkan bukti.',
        'Uang kuliah tunggal terlalu mahal | Saya dapat UKT golongan paling atas padahal ayah saya buruh lepas, banding belum ditanggapi kampus.',
      ),
      issue(
        'KIP Kuliah dicabut tanpa alasan | Beasiswa KIP Kuliah saya dihentikan semester ini tanpa pemberitahuan, padahal IPK saya memenuhi syarat.',
        'Beasiswa KIP-K diputus | Kampus menghentikan bantuan KIP Kuliah saya tanpa penjelasan walaupun nilai saya bagus.',
      ),
      issue(
        'Ijazah sarjana belum diterbitkan | Sudah setahun wisuda tetapi ijazah belum diberikan dengan alasan nomor ijazah nasional belum keluar.',
        'Ijazah kampus belum dibagikan setelah wisuda | Kami lulusan tahun lalu belum menerima ijazah karena katanya PIN belum terbit.',
      ),
      issue(
        'Dosen meminta uang agar nilai lulus | Seorang dosen meminta mahasiswa membayar agar nilai mata kuliahnya tidak E.',
        'Oknum dosen jual nilai | Ada dosen yang menyuruh mahasiswa transfer uang supaya lulus mata kuliahnya.',
      ),
      issue(
        'Asrama mahasiswa tidak layak huni | Kamar asrama kampus bocor, kamar mandi rusak, dan air sering mati.',
        'Kondisi rusunawa kampus buruk | Asrama mahasiswa atapnya bocor, toilet rusak dan air tidak mengalir berhari-hari.',
      ),
    ],
  },
  {
    institution: 'kemenag',
    region: '73.71',
    category: 'administrasi-kependudukan',
    issues: [
      issue(
        'Biaya nikah di KUA melebihi tarif | Petugas KUA meminta Rp1.000.000 untuk menikah di kantor padahal seharusnya gratis.',
        'Nikah di kantor KUA dimintai uang | Kami menikah di KUA pada jam kerja tapi penghulu minta satu juta, katanya biaya administrasi.',
      ),
      issue(
        'Antrean haji tidak transparan | Nomor porsi haji saya bergeser mundur tanpa penjelasan dari kantor Kemenag.',
        'Urutan keberangkatan haji berubah | Estimasi berangkat haji saya tiba-tiba mundur beberapa tahun dan petugas tidak bisa menjelaskan.',
      ),
      issue(
        'Tunjangan profesi guru madrasah terlambat | TPG guru madrasah tsanawiyah belum dibayar dua triwulan.',
        'Sertifikasi guru MTs belum cair | Tunjangan sertifikasi kami guru madrasah sudah enam bulan tidak dibayarkan.',
      ),
      issue(
        'Buku nikah salah cetak | Nama istri saya di buku nikah salah dan perbaikannya diminta biaya.',
        'Kesalahan nama pada buku nikah | Ada salah tulis nama di buku nikah kami, untuk membetulkan disuruh bayar.',
      ),
      issue(
        'Bantuan operasional madrasah dipotong | Kepala madrasah mengaku dana BOS madrasah dipotong oleh oknum di kantor kabupaten.',
        'Dana BOS MI disunat | Dana bantuan operasional untuk madrasah ibtidaiyah kami diterima tidak utuh, ada potongan dari pegawai kemenag.',
      ),
    ],
  },
  {
    institution: 'bgn',
    region: '35.78',
    category: 'kesehatan',
    issues: [
      issue(
        'Siswa keracunan makan bergizi gratis | Puluhan siswa SD mual dan muntah setelah menyantap menu makan bergizi gratis pada hari Senin.',
        'Anak-anak sakit perut setelah makan MBG | Banyak murid muntah dan pusing sesudah makan siang program makan gratis dari dapur SPPG.',
      ),
      issue(
        'Menu makan bergizi gratis tidak layak | Porsi MBG di sekolah kami hanya nasi dan tempe kecil tanpa sayur dan buah.',
        'Porsi MBG sedikit dan tidak bergizi | Makan gratis untuk anak sekolah isinya cuma nasi sama tempe, tidak ada sayur apalagi buah.',
      ),
      issue(
        'Dapur SPPG kotor | Dapur penyedia makan bergizi di dekat pasar kotor, peralatan dicuci dengan air got.',
        'Kebersihan dapur MBG buruk | Saya melihat dapur SPPG mencuci wadah makanan memakai air selokan dan lantainya jorok.',
      ),
      issue(
        'Makanan MBG datang terlambat | Makanan program MBG tiba pukul 13.00 saat siswa sudah pulang sehingga banyak terbuang.',
        'Distribusi makan gratis telat | Kiriman makan siang gratis sampai ke sekolah setelah jam pulang, akhirnya tidak dimakan.',
      ),
      issue(
        'Pemasok MBG belum dibayar | Petani sayur pemasok dapur SPPG belum dibayar selama dua bulan.',
        'Supplier dapur makan bergizi tidak dibayar | Kami pemasok sayur untuk SPPG sudah dua bulan belum menerima pembayaran.',
      ),
    ],
  },
  {
    institution: 'kemendag',
    region: '12.71',
    category: 'ekonomi-keuangan',
    issues: [
      issue(
        'Retribusi pasar dipungut ganda | Pedagang Pasar Petisah ditarik retribusi dua kali sehari oleh petugas yang berbeda.',
        'Pedagang pasar bayar retribusi dua kali | Setiap hari kami pedagang di Petisah ditagih uang retribusi oleh dua orang petugas.',
      ),
      issue(
        'Harga minyak goreng di atas HET | Minyak goreng kemasan rakyat dijual Rp20.000 per liter, di atas harga eceran tertinggi.',
        'Minyakita dijual mahal | Di warung dan pasar Minyakita harganya dua puluh ribu seliter, lebih tinggi dari HET pemerintah.',
      ),
      issue(
        'Timbangan pedagang tidak ditera | Banyak timbangan di pasar tradisional dikurangi sehingga pembeli dirugikan.',
        'Timbangan curang di pasar | Beli satu kilo beras ternyata kurang, timbangan pedagang tidak pernah ditera ulang.',
      ),
      issue(
        'Kios pasar baru dijual kepada orang luar | Kios hasil revitalisasi pasar dijual kepada pedagang baru, pedagang lama tidak mendapat tempat.',
        'Pedagang lama tidak kebagian kios | Setelah pasar direnovasi kios-kios malah dibeli orang lain, kami pedagang lama terlantar.',
      ),
      issue(
        'Atap pasar bocor dan becek | Atap los sayur bocor dan lantai pasar becek berlumpur setiap hujan.',
        'Pasar tradisional becek karena atap bocor | Setiap hujan los sayuran tergenang dan jalan di dalam pasar penuh lumpur.',
      ),
    ],
  },
  {
    institution: 'komdigi',
    region: '31.74',
    category: 'infrastruktur',
    issues: [
      issue(
        'Sinyal internet hilang di desa | Sejak menara BTS rusak, desa kami tidak mendapat sinyal telepon maupun internet.',
        'Tidak ada sinyal HP di kampung | Menara pemancar di desa rusak sehingga warga tidak bisa menelepon dan tidak ada internet.',
      ),
      issue(
        'Penipuan pinjaman online ilegal | Saya diteror penagih pinjol ilegal yang menyebarkan data pribadi ke seluruh kontak.',
        'Diancam debt collector pinjol | Penagih pinjaman online tak berizin mengirim pesan ancaman ke semua nomor di HP saya.',
      ),
      issue(
        'Wifi gratis taman kota tidak berfungsi | Jaringan wifi publik di taman kota tidak bisa tersambung sejak dua bulan.',
        'Internet gratis di taman mati | Hotspot wifi taman kota tidak bisa dipakai sudah lama.',
      ),
      issue(
        'Situs judi online meniru situs pemerintah | Ada situs judi yang memakai alamat subdomain pemerintah kabupaten.',
        'Subdomain pemda dipakai judi online | Saya menemukan halaman judi daring di alamat go.id milik kabupaten.',
      ),
      issue(
        'Pesan SMS penipuan mengatasnamakan bank | Warga menerima SMS berisi tautan palsu yang mengatasnamakan bank pemerintah.',
        'SMS phising pakai nama bank BUMN | Banyak orang dapat pesan singkat berisi link palsu seolah dari bank negara.',
      ),
    ],
  },
  {
    institution: 'kemenkeu',
    region: '31.73',
    category: 'ekonomi-keuangan',
    issues: [
      issue(
        'Barang kiriman luar negeri ditahan bea cukai | Paket kiriman dari Jepang tertahan di bea cukai tiga minggu tanpa informasi.',
        'Paket impor tertahan di bea cukai | Kiriman barang dari luar negeri sudah tiga minggu belum keluar dan status pelacakan tidak berubah.',
      ),
      issue(
        'Bea masuk barang pribadi terlalu mahal | Sepatu bekas pribadi dari luar negeri dikenai bea masuk lebih mahal dari harga barangnya.',
        'Pajak impor barang bekas tidak masuk akal | Sepatu lama kiriman saudara dari luar negeri ditagih bea yang melebihi harga sepatu itu.',
      ),
      issue(
        'Pengembalian kelebihan pajak lambat | Restitusi PPh saya tidak diproses lebih dari satu tahun.',
        'Restitusi pajak belum dibayar | Kelebihan bayar pajak penghasilan saya belum dikembalikan padahal sudah lewat setahun.',
      ),
      issue(
        'Aplikasi Coretax sering gangguan | Sistem Coretax tidak bisa dipakai untuk membuat faktur pajak selama beberapa hari.',
        'Tidak bisa membuat faktur karena Coretax error | Usaha kami terhambat karena aplikasi pajak Coretax gagal terus saat menerbitkan faktur.',
      ),
      issue(
        'Lelang barang sitaan tidak transparan | Pemenang lelang barang sitaan negara sudah ditentukan sebelum lelang dibuka.',
        'Lelang aset sitaan diatur | Lelang barang rampasan negara terkesan sudah diatur pemenangnya sejak awal.',
      ),
    ],
  },
];

/** Every published report of the set, with the issue it raised. */
export const FILED = SIMILAR_PLACES.flatMap((place, p) =>
  place.issues.map((issue, i) => ({ ...place, ...issue.filed, key: `${p}.${i}` })),
);

/** Every later report, as the form asks with it (its title and first sentences), with the issue it raises. */
export const LATER = SIMILAR_PLACES.flatMap((place, p) =>
  place.issues.map((issue, i) => ({ ...place, ...issue.later, key: `${p}.${i}` })),
);
