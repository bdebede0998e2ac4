"""Cultures of India, Japan and Australia: names, places, phone plans, mail domains
and legal forms. Data only; kept compact by hand (formatter off)."""

from __future__ import annotations

from mergedesk.sandbox.pools import Culture, PhonePlan, Place
from mergedesk.sandbox.pools import split_names as _names

# fmt: off
ASIA_PACIFIC: tuple[Culture, ...] = (
    Culture(
        "in", 4, PhonePlan("91", "0", 10),
        _names("Aarav Vivaan Aditya Arjun Sai Ishaan Priya Ananya Diya Aditi Kavya Rohan Rahul "
               "Sneha Pooja Vikram Lakshmi Suresh Krishna Arnav Reyansh Ayaan Dhruv Kabir Vihaan "
               "Anika Saanvi Myra Ira Anvi Navya Riya Meera Kiran Sanjay Rajesh Sunita Anil Deepa "
               "Vijay Geeta Ramesh Neha Amit Harpreet Gurpreet"),
        _names("Sharma Verma Gupta Patel Reddy Iyer Nair Singh Kumar Rao Mehta Joshi Chatterjee "
               "Banerjee Desai Menon Pillai Kapoor Agarwal Bhat Bose Chopra Das Dubey Ghosh "
               "Goswami Iyengar Jain Kulkarni Malhotra Mishra Mukherjee Naidu Pandey Patil Prasad "
               "Saxena Sen Shah Shetty Sinha Srivastava Tiwari Trivedi Yadav Chauhan Bhatt "
               "Chaudhary Krishnan Subramanian Venkatesh Ahmed Khan Fernandes D'Souza"),
        (
            Place("Bengaluru", "India", "IN", ("80",), "560###"),
            Place("Mumbai", "India", "IN", ("22",), "400###"),
            Place("New Delhi", "India", "IN", ("11",), "110###"),
            Place("Chennai", "India", "IN", ("44",), "600###"),
            Place("Hyderabad", "India", "IN", ("40",), "500###"),
            Place("Pune", "India", "IN", ("20",), "411###"),
        ),
        ("gmail.com", "yahoo.co.in", "rediffmail.com", "outlook.com"),
        "in", ("Pvt Ltd", "Ltd", "LLP"),
    ),
    Culture(
        "jp", 2, PhonePlan("81", "0", 10),
        _names("Hiroshi Takashi Kenji Yuki Haruto Sota Yui Aoi Sakura Hina Riku Ren Daisuke Naoko "
               "Yoko Shōta Kōji Yūko Takumi Kaito Yuto Sho Kenta Hayato Ryota Akira Makoto Misaki "
               "Haruka Nanami Mio Rin Emi Keiko Akiko Tomoko Ryōta Yūta Shōhei"),
        _names("Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato "
               "Yoshida Yamada Sasaki Yamaguchi Matsumoto Inoue Saitō Itō Kimura Hayashi Shimizu "
               "Yamazaki Mori Abe Ikeda Hashimoto Yamashita Ishikawa Nakajima Maeda Fujita Ogawa "
               "Goto Okada Hasegawa Murakami Kondo Ishii Sakamoto Endo Aoki Fujii Nishimura "
               "Fukuda Ota Miura Fujiwara Okamoto Matsuda Nakagawa Nakano Harada Ono Tamura "
               "Takeuchi Kaneko Wada Nakayama Ishida Ueda Morita Hara Shibata Sakai Kudo Yokoyama "
               "Miyazaki Miyamoto Uchida Takagi Ando Taniguchi Ōno Maruyama Imai Takada Fujimoto "
               "Takeda Murata Ueno Sugiyama Masuda Sugawara Hirano Ōtsuka Chiba Kubo Matsumura "
               "Iwasaki Sakurai Kinoshita Noguchi Matsui Nomura Kikuchi Sano Ōnishi Sugimoto Arai "
               "Hamada Ichikawa Furukawa Mizuno Komatsu Shimada Koyama Takano Yamauchi Nishida "
               "Nishikawa Igarashi Kitamura Yasuda Nakata Kawaguchi Hirata Kawasaki Iida "
               "Yoshikawa Honda Kubota Sawada Tsuji Seki Yoshimura"),
        (
            Place("Tokyo", "Japan", "JP", ("3",), "1##-####"),
            Place("Osaka", "Japan", "JP", ("6",), "5##-####"),
            Place("Kyoto", "Japan", "JP", ("75",), "60#-####"),
            Place("Yokohama", "Japan", "JP", ("45",), "22#-####"),
            Place("Nagoya", "Japan", "JP", ("52",), "46#-####"),
            Place("Sapporo", "Japan", "JP", ("11",), "06#-####"),
        ),
        ("gmail.com", "yahoo.co.jp", "docomo.ne.jp", "outlook.jp"),
        "jp", ("K.K.", "Co., Ltd."),
    ),
    Culture(
        "au", 4, PhonePlan("61", "0", 9),
        _names("Jack Oliver William Noah Thomas Charlotte Olivia Mia Chloe Isla Zoe Matilda "
               "Lachlan Cooper Harper Ruby Bronte Angus Lucas Ethan Archie Liam Henry Hudson Leo "
               "Max Xavier Jake Amelia Ava Sienna Grace Willow Sophie Evie Ella Georgia Tahlia "
               "Kirra Jarrah Brodie Shane"),
        _names("Smith Jones Williams Brown Wilson Taylor Nguyen Johnson Martin White Anderson "
               "Walker Thompson Kelly Ryan O'Connor Murphy Campbell Thomas Robinson Lee Harris "
               "Lewis King Young Hall Green Wright Clarke Scott Mitchell Baker Evans Hill Allen "
               "Edwards Turner Phillips Parker Collins Stewart Morris Cook Roberts Bell Ward "
               "Smith-Jones Murray Graham Tran Le Pham Chen Singh"),
        (
            Place("Sydney", "Australia", "AU", ("2",), "20##"),
            Place("Melbourne", "Australia", "AU", ("3",), "30##"),
            Place("Brisbane", "Australia", "AU", ("7",), "40##"),
            Place("Perth", "Australia", "AU", ("8",), "60##"),
            Place("Adelaide", "Australia", "AU", ("8",), "50##"),
        ),
        ("gmail.com", "bigpond.com", "outlook.com", "optusnet.com.au"),
        "com.au", ("Pty Ltd", "Ltd"),
    ),
)
# fmt: on
